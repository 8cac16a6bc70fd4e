package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.bridge.testing.TestRecords;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collaborative notes over ydoc:* (docs/channels.md, "Collaborative notes"): access on join, write access on update, state in Redis. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = BridgeTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class YdocTest extends BridgeTestSupport {
    private static final Duration QUIET = Duration.ofMillis(700);

    @Inject
    ObjectMapper json;

    @Test
    void editorsShareUpdatesAndOnlyWritersMayChangeTheDocument() throws Exception {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        String note = TestRecords.note(owner.id(), TestRecords.readGrant("user_ids", reader.id()));
        String doc = "note:" + note;

        String ownerSid = join("owner", owner);
        clients.emit("owner", "ydoc:document:join", joinPayload(doc, owner));
        JsonNode empty = clients.awaitEvent("owner", "ydoc:document:state");
        assertEquals(List.of(0, 0), ints(empty.get("state")), "an empty document is [0,0]");
        assertEquals(List.of(ownerSid), json.convertValue(empty.get("sessions"), List.class));

        join("reader", reader);
        clients.emit("reader", "ydoc:document:join", joinPayload(doc, reader));
        clients.awaitEvent("reader", "ydoc:document:state");
        JsonNode joined = clients.awaitEvent("owner", "ydoc:user:joined");
        assertEquals(reader.id(), joined.path("user_id").asText());
        assertEquals("#aabbcc", joined.path("user_color").asText());

        BlockingQueue<String> forwarded = new LinkedBlockingQueue<>();
        var subscriber = redis.pubsub(String.class).subscribe(keys.clientEventChannel(), forwarded::add).await().atMost(Duration.ofSeconds(5));
        try {
            clients.emit("owner", "ydoc:document:update", Map.of("document_id", doc, "user_id", "forged", "socket_id", ownerSid,
                    "update", List.of(1, 2, 3), "data", Map.of("content", Map.of("md", "hello"))));
            JsonNode update = clients.awaitEvent("reader", "ydoc:document:update");
            assertEquals(List.of(1, 2, 3), ints(update.get("update")));
            assertEquals(owner.id(), update.path("user_id").asText(), "the identity comes from the session");
            assertEquals(ownerSid, update.path("socket_id").asText());

            JsonNode save = json.readTree(forwarded.poll(5, TimeUnit.SECONDS));
            assertEquals("ydoc:document:update", save.path("event").asText());
            assertEquals(owner.id(), save.path("user_id").asText());
            assertEquals(ownerSid, save.path("sid").asText());
            assertEquals("hello", save.at("/data/data/content/md").asText());
            assertEquals(doc, save.at("/data/document_id").asText());
        } finally {
            subscriber.unsubscribe().await().atMost(Duration.ofSeconds(5));
        }

        clients.emit("reader", "ydoc:document:update", Map.of("document_id", doc, "update", List.of(9, 9)));
        clients.emitBinary("owner", "ydoc:document:update", Map.of("document_id", doc, "update", List.of(200, 0, 255)), "update");
        JsonNode binary = clients.awaitEvent("reader", "ydoc:document:update", d -> d.get("update").size() == 3 && d.get("update").get(0).asInt() == 200);
        assertEquals(List.of(200, 0, 255), ints(binary.get("update")), "binary attachments arrive as byte arrays");
        clients.assertNoEvent("owner", "ydoc:document:update", d -> true, QUIET);
        assertEquals(List.of("[1,2,3]", "[200,0,255]"), updates(doc), "the reader's update was refused");

        TestUser late = TestUsers.create(Roles.ADMIN);
        join("late", late);
        clients.emit("late", "ydoc:document:join", joinPayload(doc, late));
        awaitTrue(() -> clients.events("late").stream().filter(e -> e.path("event").asText().equals("ydoc:document:state")).count() == 2,
                "the late joiner got every stored update");
        List<JsonNode> states = clients.events("late").stream().filter(e -> e.path("event").asText().equals("ydoc:document:state")).toList();
        assertEquals(List.of(1, 2, 3), ints(states.get(0).at("/data/state")));
        assertEquals(List.of(200, 0, 255), ints(states.get(1).at("/data/state")));
        assertEquals(3, states.get(1).at("/data/sessions").size());
    }

    @Test
    void strangersCannotJoinAndLeavingEmptiesTheDocument() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser stranger = TestUsers.create(Roles.USER);
        String doc = "note:" + TestRecords.note(owner.id(), "{}");

        join("stranger", stranger);
        clients.emit("stranger", "ydoc:document:join", joinPayload(doc, stranger));
        assertEquals("Failed to join document", clients.awaitEvent("stranger", "error").path("message").asText());
        clients.connect("anon", port(), Options.websocket());
        clients.emit("anon", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("anon", "error");
        clients.emit("stranger", "ydoc:document:join", joinPayload("chat:whatever", stranger));
        awaitTrue(() -> clients.events("stranger").size() == 2, "a non-note document is refused");

        String ownerSid = join("owner", owner);
        String tabSid = join("tab", owner);
        clients.emit("owner", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("owner", "ydoc:document:state");
        clients.emit("tab", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("tab", "ydoc:document:state");
        clients.emit("owner", "ydoc:document:update", Map.of("document_id", doc, "update", List.of(5)));
        clients.awaitEvent("tab", "ydoc:document:update");
        clients.emit("stranger", "ydoc:document:update", Map.of("document_id", doc, "update", List.of(6)));
        clients.emit("stranger", "ydoc:awareness:update", Map.of("document_id", doc, "user_id", "x", "update", List.of(6)));

        clients.emit("tab", "ydoc:awareness:update", Map.of("document_id", doc, "user_id", "forged", "update", List.of(7, 8)));
        JsonNode awareness = clients.awaitEvent("owner", "ydoc:awareness:update");
        assertEquals(tabSid, awareness.path("user_id").asText());
        assertEquals(List.of(7, 8), ints(awareness.get("update")));
        clients.assertNoEvent("owner", "ydoc:awareness:update", d -> d.path("user_id").asText().equals("x"), QUIET);

        clients.emit("tab", "ydoc:document:leave", Map.of("document_id", doc, "user_id", owner.id()));
        assertEquals(owner.id(), clients.awaitEvent("owner", "ydoc:user:left").path("user_id").asText());
        assertEquals(List.of("[5]"), updates(doc));
        clients.disconnect("owner");
        awaitTrue(() -> updates(doc).isEmpty(), "the last editor's disconnect drops the update log");
        assertTrue(redis.set(String.class).smembers(keys.ydocUsers(doc)).await().atMost(Duration.ofSeconds(5)).isEmpty());
        assertNotNull(ownerSid);
    }

    @Test
    void binaryUpdatesArriveOverPollingToo() {
        TestUser owner = TestUsers.create(Roles.USER);
        String doc = "note:" + TestRecords.note(owner.id(), "{}");
        clients.connect("poller", port(), Options.polling());
        clients.emitWithAck("poller", "user-join", Map.of("auth", Map.of("token", owner.token())));
        join("watcher", owner);
        clients.emit("poller", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("poller", "ydoc:document:state");
        clients.emit("watcher", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("watcher", "ydoc:document:state");

        clients.emitBinary("poller", "ydoc:document:update", Map.of("document_id", doc, "update", List.of(0, 1, 254, 255)), "update");
        assertEquals(List.of(0, 1, 254, 255), ints(clients.awaitEvent("watcher", "ydoc:document:update").get("update")));
    }

    @Test
    void aSocketReboundToAnotherUserLosesItsDocuments() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser stranger = TestUsers.create(Roles.USER);
        String doc = "note:" + TestRecords.note(owner.id(), "{}");
        join("tab", owner);
        join("other", owner);
        clients.emit("tab", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("tab", "ydoc:document:state");
        clients.emit("other", "ydoc:document:join", joinPayload(doc, owner));
        clients.awaitEvent("other", "ydoc:document:state");

        clients.emitWithAck("tab", "user-join", Map.of("auth", Map.of("token", stranger.token())));
        clients.emit("tab", "ydoc:document:update", Map.of("document_id", doc, "update", List.of(4)));
        clients.assertNoEvent("other", "ydoc:document:update", d -> true, QUIET);
        assertTrue(updates(doc).isEmpty());
    }

    private String join(String client, TestUser user) {
        String sid = clients.connect(client, port(), Options.websocket());
        clients.emitWithAck(client, "user-join", Map.of("auth", Map.of("token", user.token())));
        return sid;
    }

    private static Map<String, Object> joinPayload(String doc, TestUser user) {
        return Map.of("document_id", doc, "user_id", user.id(), "user_name", "name", "user_color", "#aabbcc");
    }

    private List<String> updates(String doc) {
        return redis.list(String.class).lrange(keys.ydocUpdates(doc), 0, -1).await().atMost(Duration.ofSeconds(5));
    }

    @SuppressWarnings("unchecked")
    private List<Integer> ints(JsonNode array) {
        return json.convertValue(array, List.class);
    }
}
