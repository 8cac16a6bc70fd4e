package dev.webui.ops;

/** What a step of {@link SuiteThroughGatewayIT} works with: the suite, its sockets, the fake provider and the two users. */
record SuiteParts(LocalSuite suite, SocketClients sockets, FakeOpenAi upstream, Gateway admin, Gateway bob) {
}
