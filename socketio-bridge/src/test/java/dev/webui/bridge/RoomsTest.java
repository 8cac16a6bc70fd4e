package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channel and note rooms (docs/realtime.md, "Rooms" and "Client events"): who joins which, typing fan-out, usage, disconnect bookkeeping. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = BridgeTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoomsTest extends BridgeTestSupport {
    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void userJoinEntersExactlyTheReadableChannels() {
        TestUser owner = TestUsers.create(Roles.ADMIN);
        TestUser member = TestUsers.create(Roles.USER);
        TestUser outsider = TestUsers.create(Roles.USER);
        String publicChannel = TestRecords.channel(owner.id(), null);
        String byGroup = TestRecords.channel(owner.id(), TestRecords.readGrant("group_ids", TestRecords.groupWith(member.id())));
        String byUser = TestRecords.channel(owner.id(), TestRecords.readGrant("user_ids", member.id()));
        String privateChannel = TestRecords.channel(owner.id(), "{}");

        join("member", member);
        join("outsider", outsider);
        join("admin", owner);
        for (String channel : new String[] {publicChannel, byGroup, byUser, privateChannel}) {
            publish(new EmitRequest("channel-events", Map.of("channel_id", channel), EmitRequest.Target.room("channel:" + channel)));
        }

        for (String channel : new String[] {publicChannel, byGroup, byUser}) {
            clients.awaitEvent("member", "channel-events", d -> d.path("channel_id").asText().equals(channel));
        }
        for (String channel : new String[] {publicChannel, byGroup, byUser, privateChannel}) {
            clients.awaitEvent("admin", "channel-events", d -> d.path("channel_id").asText().equals(channel));
        }
        clients.awaitEvent("outsider", "channel-events", d -> d.path("channel_id").asText().equals(publicChannel));
        clients.assertNoEvent("member", "channel-events", d -> d.path("channel_id").asText().equals(privateChannel), QUIET);
        assertEquals(1, clients.events("outsider").size(), "the outsider only hears the public channel");
    }

    @Test
    void joinChannelsWorksWithTheTokenInThePayload() {
        TestUser user = TestUsers.create(Roles.USER);
        String channel = TestRecords.channel(user.id(), "{}");
        clients.connect("c", port(), Options.websocket());
        clients.emit("c", "join-channels", Map.of("auth", Map.of("token", user.token())));
        awaitTrue(() -> {
            publish(new EmitRequest("channel-events", Map.of("channel_id", channel), EmitRequest.Target.room("channel:" + channel)));
            return !clients.events("c").isEmpty();
        }, "the owner joined its private channel");
    }

    @Test
    void typingReachesTheChannelWithTheSendersIdentityAndOnlyFromMembers() {
        TestUser alice = TestUsers.create(Roles.USER);
        TestUser bob = TestUsers.create(Roles.USER);
        TestUser eve = TestUsers.create(Roles.USER);
        String channel = TestRecords.channel(alice.id(), TestRecords.readGrant("user_ids", bob.id()));
        join("alice", alice);
        join("bob", bob);
        join("eve", eve);

        Map<String, Object> typing = new HashMap<>();
        typing.put("channel_id", channel);
        typing.put("message_id", null);
        typing.put("data", Map.of("type", "typing", "data", Map.of("typing", true)));
        clients.emit("bob", "channel-events", typing);
        for (String client : new String[] {"alice", "bob"}) {
            JsonNode event = clients.awaitEvent(client, "channel-events");
            assertEquals(channel, event.path("channel_id").asText());
            assertTrue(event.path("message_id").isNull());
            assertEquals("typing", event.at("/data/type").asText());
            assertTrue(event.at("/data/data/typing").asBoolean());
            assertEquals(bob.id(), event.at("/user/id").asText());
            assertEquals("user", event.at("/user/role").asText());
        }

        clients.emit("eve", "channel-events", typing);
        Map<String, Object> notTyping = new HashMap<>(typing);
        notTyping.put("data", Map.of("type", "message", "data", Map.of("content", "forged")));
        clients.emit("bob", "channel-events", notTyping);
        clients.assertNoEvent("alice", "channel-events", d -> d.at("/user/id").asText().equals(eve.id())
                || d.at("/data/type").asText().equals("message"), QUIET);
        clients.assertNoEvent("eve", "channel-events", d -> true, Duration.ZERO);
    }

    @Test
    void joinNoteNeedsReadAccess() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        TestUser stranger = TestUsers.create(Roles.USER);
        TestUser pending = TestUsers.create(Roles.PENDING);
        String note = TestRecords.note(owner.id(), TestRecords.readGrant("user_ids", reader.id()));
        for (TestUser user : new TestUser[] {owner, reader, stranger, pending}) {
            join(user.id(), user);
            clients.emit(user.id(), "join-note", Map.of("note_id", note, "auth", Map.of("token", user.token())));
        }
        awaitTrue(() -> {
            publish(new EmitRequest("note-events", Map.of("id", note), EmitRequest.Target.room("note:" + note)));
            return !clients.events(owner.id()).isEmpty() && !clients.events(reader.id()).isEmpty();
        }, "owner and reader joined the note room");
        clients.assertNoEvent(stranger.id(), "note-events", d -> true, QUIET);
        clients.assertNoEvent(pending.id(), "note-events", d -> true, Duration.ZERO);
    }

    @Test
    void usageMarksTheModelForAFewSecondsOnlyForAuthenticatedSockets() {
        TestUser user = TestUsers.create(Roles.USER);
        clients.connect("anon", port(), Options.websocket());
        clients.emit("anon", "usage", Map.of("action", "chat", "model", "anon-model", "chat_id", "c"));
        join("user", user);
        clients.emit("user", "usage", Map.of("action", "chat", "model", "gpt-x", "chat_id", "c"));
        awaitTrue(() -> redis.sortedSet(String.class).zscore(keys.bridgeModelUsage(), "gpt-x").await().atMost(Duration.ofSeconds(5)) != null,
                "the model is listed");
        assertTrue(redis.sortedSet(String.class).zscore(keys.bridgeModelUsage(), "anon-model").await().atMost(Duration.ofSeconds(5)) == null);
    }

    @Test
    void disconnectRemovesTheSocketFromTheBookkeeping() {
        TestUser user = TestUsers.create(Roles.USER);
        String first = join("tab1", user);
        String second = join("tab2", user);
        clients.disconnect("tab1");
        awaitTrue(() -> !redis.set(String.class).sismember(keys.bridgeUserSids(user.id()), first).await().atMost(Duration.ofSeconds(5)),
                "the closed tab is gone");
        assertTrue(redis.set(String.class).sismember(keys.bridgeUsers(), user.id()).await().atMost(Duration.ofSeconds(5)));
        clients.disconnect("tab2");
        awaitTrue(() -> !redis.set(String.class).sismember(keys.bridgeUsers(), user.id()).await().atMost(Duration.ofSeconds(5)),
                "the user is offline");
        assertTrue(redis.hash(String.class).hget(keys.bridgeSessions(), second).await().atMost(Duration.ofSeconds(5)) == null);
    }

    /** Connects a socket and authenticates it with user-join, as the stock UI does. */
    private String join(String client, TestUser user) {
        String sid = clients.connect(client, port(), Options.websocket());
        clients.emitWithAck(client, "user-join", Map.of("auth", Map.of("token", user.token())));
        return sid;
    }
}
