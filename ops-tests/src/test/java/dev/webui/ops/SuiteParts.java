package dev.webui.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a step of {@link SuiteThroughGatewayIT} works with: the suite, its sockets, the fake provider and the two users. */
record SuiteParts(LocalSuite suite, SocketClients sockets, FakeOpenAi upstream, Gateway admin, Gateway bob) {
    /**
     * Opens a provider model to every user, as an admin does with a preset without access control
     * (a base model alone is the admin's); returns a closer that removes the preset again when it
     * was made here, and leaves one that was already there.
     */
    AutoCloseable openToEveryone(String modelId) {
        if (admin.get("/api/v1/models/model?id=" + modelId).status() == 200) {
            return () -> { };
        }
        ObjectNode preset = Gateway.JSON.createObjectNode().put("id", modelId).putNull("base_model_id").put("name", modelId)
                .put("is_active", true).putNull("access_control");
        preset.putObject("meta");
        preset.putObject("params");
        Gateway.Response created = admin.post("/api/v1/models/create", preset);
        assertEquals(200, created.status(), created.toString());
        return () -> assertEquals(200, admin.delete("/api/v1/models/model/delete?id=" + modelId).status(), "the preset is removed again");
    }
}
