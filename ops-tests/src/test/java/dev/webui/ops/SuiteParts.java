package dev.webui.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a step of {@link SuiteThroughGatewayIT} works with: the suite, its sockets, the fake provider and the two users. */
record SuiteParts(LocalSuite suite, SocketClients sockets, FakeOpenAi upstream, Gateway admin, Gateway bob) {
    /**
     * Opens a provider model to every user, as an admin does with a preset without access control
     * (a base model alone is the admin's); returns a closer that removes the preset again when it
     * was made here, and leaves one that was already there.
     */
    AutoCloseable openToEveryone(String modelId) throws InterruptedException {
        if (admin.get("/api/v1/models/model?id=" + modelId).status() == 200) {
            return () -> { };
        }
        ObjectNode preset = Gateway.JSON.createObjectNode().put("id", modelId).putNull("base_model_id").put("name", modelId)
                .put("is_active", true).putNull("access_control");
        preset.putObject("meta");
        preset.putObject("params");
        Gateway.Response created = admin.post("/api/v1/models/create", preset);
        assertEquals(200, created.status(), created.toString());
        onEveryReplica(() -> {
            Gateway.Response models = bob.get("/api/models");
            return models.body().contains("\"" + modelId + "\"") ? models : new Gateway.Response(0, models.body(), models.headers());
        }, "Bob may use " + modelId + " on every replica");
        return () -> assertEquals(200, admin.delete("/api/v1/models/model/delete?id=" + modelId).status(), "the preset is removed again");
    }

    /**
     * Waits until a request that depends on a setting just saved succeeds twice in a row: the
     * gateway alternates between the api-service replicas, and each re-reads settings when the
     * change is announced on Redis, a moment after the save answered.
     */
    static Gateway.Response onEveryReplica(Supplier<Gateway.Response> request, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        int inARow = 0;
        Gateway.Response last = null;
        while (inARow < 2) {
            last = request.get();
            inARow = last.status() == 200 ? inARow + 1 : 0;
            if (inARow < 2) {
                assertTrue(Instant.now().isBefore(deadline), what + ": " + last);
                Thread.sleep(inARow == 0 ? 200 : 0);
            }
        }
        return last;
    }
}
