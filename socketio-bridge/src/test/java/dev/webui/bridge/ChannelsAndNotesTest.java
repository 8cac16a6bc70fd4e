package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SecondBridge;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.bridge.testing.TestRecords;
import dev.webui.common.auth.Roles;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channels and collaborative notes across two bridge instances with real socket.io-client@4
 * sockets: channel-events published the way api-service publishes them reach exactly the members,
 * in order; two Yjs editors converge and a late joiner gets the whole document.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = BridgeTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChannelsAndNotesTest extends BridgeTestSupport {
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final List<String> CHANGES = List.of("message", "message", "message:reply", "message:reaction:add",
            "message:update", "message:delete", "message:reply", "typing");

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;

    private SecondBridge b;

    @BeforeEach
    void startInstanceB() throws Exception {
        b = new SecondBridge(vertx, lifecycle, keys);
    }

    @AfterEach
    void stopInstanceB() {
        b.close();
    }

    private void userJoin(String client, int port, TestUser user) {
        clients.connect(client, port, Options.websocket());
        clients.emitWithAck(client, "user-join", Map.of("auth", Map.of("token", user.token())));
    }

    /** A channel-events payload as api-service builds it (docs/channels.md, "Events"). */
    private static Map<String, Object> change(String channel, String type, String messageId, Map<String, Object> message, TestUser actor) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("channel_id", channel);
        payload.put("message_id", messageId);
        payload.put("data", Map.of("type", type, "data", message));
        payload.put("user", Map.of("id", actor.id(), "name", "Test user", "role", actor.role(), "profile_image_url", "/user.png"));
        payload.put("channel", Map.of("id", channel, "name", "room"));
        return payload;
    }

    private static Map<String, Object> message(String id, String channel, String parentId, String content, int replies) {
        Map<String, Object> m = new HashMap<>(Map.of("id", id, "channel_id", channel, "content", content, "reply_count", replies,
                "reactions", List.of(), "created_at", 1_763_800_000_000_000_000L));
        m.put("parent_id", parentId);
        return m;
    }

    private List<String> changesSeen(String client, String channel) {
        return clients.events(client).stream()
                .filter(e -> e.path("event").asText().equals("channel-events") && e.at("/data/channel_id").asText().equals(channel))
                .map(e -> e.at("/data/data/type").asText()).toList();
    }

    @Test
    void membersOnBothInstancesSeeEveryChangeInOrderAndOutsidersNothing() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser alice = TestUsers.create(Roles.USER);
        TestUser bob = TestUsers.create(Roles.USER);
        TestUser eve = TestUsers.create(Roles.USER);
        String channel = TestRecords.channel(admin.id(), "{\"read\": {\"user_ids\": []}, \"write\": {\"user_ids\": [\"" + alice.id()
                + "\", \"" + bob.id() + "\"]}}");
        String room = "channel:" + channel;
        userJoin("alice", port(), alice);
        userJoin("bob", b.port(), bob);
        userJoin("eve", b.port(), eve);

        Map<String, Object> root = message("m1", channel, null, "hello", 0);
        Map<String, Object> reply = message("r1", channel, "m1", "welcome", 0);
        publish(new EmitRequest("channel-events", change(channel, "message", "m1", root, alice), EmitRequest.Target.room(room)));
        publish(new EmitRequest("channel-events", change(channel, "message", "r1", reply, bob), EmitRequest.Target.room(room)));
        publish(new EmitRequest("channel-events", change(channel, "message:reply", "m1", message("m1", channel, null, "hello", 1), bob),
                EmitRequest.Target.room(room)));
        Map<String, Object> reacted = message("m1", channel, null, "hello", 1);
        reacted.put("reactions", List.of(Map.of("name", "thumbsup", "user_ids", List.of(bob.id()), "count", 1)));
        reacted.put("name", "thumbsup");
        publish(new EmitRequest("channel-events", change(channel, "message:reaction:add", "m1", reacted, bob), EmitRequest.Target.room(room)));
        publish(new EmitRequest("channel-events", change(channel, "message:update", "m1", message("m1", channel, null, "hello, edited", 1), alice),
                EmitRequest.Target.room(room)));
        publish(new EmitRequest("channel-events", change(channel, "message:delete", "r1", reply, bob), EmitRequest.Target.room(room)));
        publish(new EmitRequest("channel-events", change(channel, "message:reply", "m1", message("m1", channel, null, "hello, edited", 0), bob),
                EmitRequest.Target.room(room)));

        Map<String, Object> typing = new HashMap<>();
        typing.put("channel_id", channel);
        typing.put("message_id", null);
        typing.put("data", Map.of("type", "typing", "data", Map.of("typing", true)));
        clients.emit("eve", "channel-events", typing);
        clients.emit("bob", "channel-events", typing);
        for (String member : List.of("alice", "bob")) {
            JsonNode typed = clients.awaitEvent(member, "channel-events", d -> d.at("/data/type").asText().equals("typing"));
            assertEquals(bob.id(), typed.at("/user/id").asText());
            assertEquals(CHANGES, changesSeen(member, channel), member + " saw every change once, in order");
        }
        JsonNode edited = clients.events("alice").stream().filter(e -> e.at("/data/data/type").asText().equals("message:update"))
                .findFirst().orElseThrow().get("data");
        assertEquals("hello, edited", edited.at("/data/data/content").asText());
        assertEquals(1, clients.events("bob").stream().filter(e -> e.at("/data/data/type").asText().equals("message:reaction:add"))
                .findFirst().orElseThrow().at("/data/data/data/reactions/0/count").asInt());
        clients.assertNoEvent("eve", "channel-events", d -> true, QUIET);
        clients.assertNoEvent("alice", "channel-events", d -> d.at("/user/id").asText().equals(eve.id()), Duration.ZERO);
    }

    @Test
    void aNewMessageReachesReadersOutsideTheRoomOnceAndMembersInItOnce() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser alice = TestUsers.create(Roles.USER);
        TestUser carol = TestUsers.create(Roles.USER);
        String channel = TestRecords.channel(admin.id(), null);
        String room = "channel:" + channel;
        userJoin("alice", port(), alice);
        String carolOnB = clients.connect("carol", b.port(), Options.websocket().token(carol.token()));
        String carolOnA = clients.connect("carol-2", port(), Options.websocket().token(carol.token()));
        awaitRegistered(carolOnB, carol.id());
        awaitRegistered(carolOnA, carol.id());

        Map<String, Object> posted = change(channel, "message", "m9", message("m9", channel, null, "news", 0), admin);
        publish(new EmitRequest("channel-events", posted, EmitRequest.Target.room(room)));
        publish(new EmitRequest("channel-events", posted, EmitRequest.Target.usersOutside(room, List.of(alice.id(), carol.id()))));

        for (String tab : List.of("carol", "carol-2")) {
            JsonNode notice = clients.awaitEvent(tab, "channel-events");
            assertEquals("news", notice.at("/data/data/content").asText());
            assertEquals(channel, notice.at("/channel/id").asText());
        }
        clients.awaitEvent("alice", "channel-events");
        // Fails as soon as alice holds a second copy (the same payload travels both ways).
        clients.assertNoEvent("alice", "channel-events", d -> changesSeen("alice", channel).size() > 1, QUIET);
        assertEquals(1, clients.events("carol").size(), "one copy per tab");
        assertEquals(1, clients.events("carol-2").size(), "one copy per tab");
        assertEquals(1, changesSeen("alice", channel).size(), "a member in the room is not notified twice");
    }

    @Test
    void editorsOnTwoInstancesConvergeAndALateJoinerGetsTheWholeNote() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser writer = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        TestUser late = TestUsers.create(Roles.USER);
        String note = TestRecords.note(owner.id(), "{\"read\": {\"user_ids\": [\"" + reader.id() + "\"]}, \"write\": {\"user_ids\": [\""
                + writer.id() + "\", \"" + late.id() + "\"]}}");
        String doc = "note:" + note;
        Queue<JsonNode> forwarded = new ConcurrentLinkedQueue<>();
        var subscriber = redis.pubsub(String.class).subscribe(keys.clientEventChannel(), m -> {
            try {
                forwarded.add(json.readTree(m));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).await().atMost(Duration.ofSeconds(5));
        try {
            open("owner", port(), owner, doc);
            open("writer", b.port(), writer, doc);
            clients.ydocInsert("owner", "Hello from A. ");
            clients.ydocInsert("writer", "Hello from B. ");
            clients.ydocInsert("writer", "Again B. ");
            awaitTrue(() -> {
                String a = clients.ydocText("owner");
                return a.contains("Hello from A. ") && a.contains("Hello from B. Again B. ") && a.equals(clients.ydocText("writer"));
            }, "the two editors converge");

            open("reader", port(), reader, doc);
            String converged = clients.ydocText("owner");
            awaitTrue(() -> clients.ydocText("reader").equals(converged), "a reader sees the document");
            clients.ydocInsert("reader", "EVIL");
            clients.ydocInsert("owner", "Done.");
            awaitTrue(() -> clients.ydocText("writer").endsWith("Done."), "later edits still flow");

            open("late", b.port(), late, doc);
            String full = clients.ydocText("owner");
            awaitTrue(() -> clients.ydocText("late").equals(full), "the late joiner has the whole document");
            assertEquals(full, clients.ydocText("writer"));
            assertFalse(full.contains("EVIL"), "a reader's change is refused: " + full);
            clients.ydocInsert("late", " Late.");
            awaitTrue(() -> clients.ydocText("owner").endsWith(" Late."), "the late joiner edits too");

            awaitTrue(() -> forwarded.stream().anyMatch(e -> e.path("user_id").asText().equals(writer.id())
                    && e.at("/data/data/content/md").asText().contains("Again B.")), "the writer's content went to the services");
            assertTrue(forwarded.stream().allMatch(e -> e.at("/data/document_id").asText().equals(doc)));
            assertTrue(forwarded.stream().noneMatch(e -> e.path("user_id").asText().equals(reader.id())), "nothing of the reader is saved");
        } finally {
            subscriber.unsubscribe().await().atMost(Duration.ofSeconds(5));
        }
    }

    private void open(String client, int port, TestUser user, String doc) {
        String sid = clients.connect(client, port, Options.websocket().token(user.token()));
        awaitRegistered(sid, user.id());
        clients.ydocOpen(client, doc, user.id());
        clients.awaitEvent(client, "ydoc:document:state");
    }
}
