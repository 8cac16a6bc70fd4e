package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.common.auth.Roles;
import dev.webui.common.events.CallItem;
import dev.webui.common.events.EventCaller;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams after a call (docs/realtime.md): what the called socket sends under the call's stream name
 * reaches the caller in order, from that socket only, until {"done": true}, a release, a disconnect or silence.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class StreamForwardsTest extends BridgeTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    EventCaller caller;

    private record Tab(TestUser user, String sid) {
        String stream() {
            return user.id() + ":" + sid + ":" + UUID.randomUUID();
        }
    }

    private Tab tab(String name) {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect(name, port(), Options.websocket().token(user.token()).answer("chat-events", Map.of("status", true)));
        awaitRegistered(sid, user.id());
        return tab(user, sid);
    }

    private static Tab tab(TestUser user, String sid) {
        return new Tab(user, sid);
    }

    /** An acknowledged event after the ones sent before it: the bridge has handled those when the ack is back. */
    private void roundTrip(String client, TestUser user) {
        clients.emitWithAck(client, "user-join", Map.of("auth", Map.of("token", user.token())));
    }

    @Test
    void theSocketsItemsReachTheCallerInOrderUntilDone() {
        Tab tab = tab("streamer");
        String stream = tab.stream();
        List<CallItem> items = new CopyOnWriteArrayList<>();
        EventCaller.ListeningCall call = caller.listen(tab.user().id(), tab.sid(), "chat-events", Map.of("data", Map.of("type", "request:chat:completion")),
                Duration.ofSeconds(5), stream, items::add);
        JsonNode ack = call.ack().await().atMost(WAIT);
        assertTrue(ack.path("status").asBoolean(), "the ack came back: " + ack);

        for (int i = 0; i < 20; i++) {
            clients.emit("streamer", stream, "data: {\"n\":" + i + "}");
        }
        clients.emit("streamer", stream, Map.of("choices", List.of()));
        clients.emit("streamer", stream, Map.of("done", true));
        awaitTrue(() -> items.size() == 22, "every item arrived: " + items);
        for (int i = 0; i < 20; i++) {
            assertEquals("data: {\"n\":" + i + "}", items.get(i).item().asText(), "in the order sent");
        }
        assertTrue(items.get(20).item().has("choices"), "objects arrive as objects");
        assertTrue(items.get(21).item().path("done").asBoolean());

        // after done the name is forgotten: nothing more is forwarded
        clients.emit("streamer", stream, "data: late");
        roundTrip("streamer", tab.user()); // so the late item had its chance
        assertEquals(22, items.size(), "nothing after done: " + items);
        call.release().run();
    }

    @Test
    void anotherSocketCannotFeedTheStream() {
        Tab owner = tab("owner");
        Tab intruder = tab("intruder");
        String stream = owner.stream();
        List<CallItem> items = new CopyOnWriteArrayList<>();
        EventCaller.ListeningCall call = caller.listen(owner.user().id(), owner.sid(), "chat-events", Map.of("n", 1), Duration.ofSeconds(5), stream, items::add);
        call.ack().await().atMost(WAIT);

        clients.emit("intruder", stream, "data: {\"forged\":true}");
        clients.emit("owner", stream, "data: {\"real\":true}");
        awaitTrue(() -> items.size() == 1, "the owner's item arrived");
        roundTrip("intruder", intruder.user());
        assertEquals(1, items.size(), "only the owner's item: " + items);
        assertTrue(items.get(0).item().asText().contains("real"));
        call.release().run();
    }

    @Test
    void aStreamNameOfAnotherSessionIsRefused() {
        Tab owner = tab("victim");
        Tab other = tab("asker");
        // the caller names the other user's socket, with a stream of its own user: the bridge refuses before emitting
        String foreign = other.user().id() + ":" + owner.sid() + ":" + UUID.randomUUID();
        EventCaller.ListeningCall call = caller.listen(owner.user().id(), owner.sid(), "chat-events", Map.of("n", 1), Duration.ofSeconds(5), foreign, item -> { });
        RuntimeException refused = assertThrows(RuntimeException.class, () -> call.ack().await().atMost(WAIT));
        assertInstanceOf(IllegalStateException.class, refused instanceof IllegalStateException ? refused : refused.getCause());
        clients.assertNoEvent("victim", "chat-events", data -> true, Duration.ofMillis(300));
        // a name that is not a stream at all (one of the bridge's own events) is refused too
        EventCaller.ListeningCall own = caller.listen(owner.user().id(), owner.sid(), "chat-events", Map.of("n", 2), Duration.ofSeconds(5), "usage", item -> { });
        assertThrows(RuntimeException.class, () -> own.ack().await().atMost(WAIT));
        call.release().run();
        own.release().run();
    }

    @Test
    void aDisconnectOrSilenceEndsTheStreamAndAReleaseStopsIt() {
        Tab leaving = tab("leaving");
        List<CallItem> gone = new CopyOnWriteArrayList<>();
        EventCaller.ListeningCall first = caller.listen(leaving.user().id(), leaving.sid(), "chat-events", Map.of("n", 1), Duration.ofSeconds(5),
                leaving.stream(), gone::add);
        first.ack().await().atMost(WAIT);
        clients.disconnect("leaving");
        awaitTrue(() -> gone.stream().anyMatch(i -> CallItem.DISCONNECTED.equals(i.end())), "the disconnect was reported: " + gone);
        first.release().run();

        Tab silent = tab("silent");
        List<CallItem> quiet = new CopyOnWriteArrayList<>();
        EventCaller.ListeningCall second = caller.listen(silent.user().id(), silent.sid(), "chat-events", Map.of("n", 2), Duration.ofSeconds(1),
                silent.stream(), quiet::add);
        second.ack().await().atMost(WAIT);
        awaitTrue(() -> quiet.stream().anyMatch(i -> CallItem.TIMEOUT.equals(i.end())), "the silence was reported: " + quiet);
        second.release().run();

        Tab released = tab("released");
        String stream = released.stream();
        List<CallItem> after = new CopyOnWriteArrayList<>();
        EventCaller.ListeningCall third = caller.listen(released.user().id(), released.sid(), "chat-events", Map.of("n", 3), Duration.ofSeconds(5), stream,
                after::add);
        third.ack().await().atMost(WAIT);
        clients.emit("released", stream, "data: one");
        awaitTrue(() -> after.size() == 1, "the first item arrived");
        third.release().run();
        awaitTrue(() -> lifecycle.instance().openStreams() == 0, "the bridge dropped the released stream");
        clients.emit("released", stream, "data: two");
        roundTrip("released", released.user());
        assertEquals(1, after.size(), "nothing after the release: " + after);
    }
}
