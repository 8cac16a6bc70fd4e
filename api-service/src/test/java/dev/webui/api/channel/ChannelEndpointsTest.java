package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.support.Channels;
import dev.webui.api.support.EmitListener;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/channels as admin, members with read or write grants and outsiders, with the channel-events each change publishes. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ChannelEndpointsTest {
    private static final long NANOS_2020 = 1_577_836_800_000_000_000L;

    @Inject
    SettingsStore settings;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void enableChannels() {
        channels(true);
    }

    private void channels(boolean on) {
        settings.save(Map.of(Settings.ENABLE_CHANNELS, BooleanNode.valueOf(on))).await().atMost(Duration.ofSeconds(10));
    }

    private static Map<String, Object> grants(List<String> readers, List<String> writers) {
        return Map.of("read", Map.of("user_ids", readers, "group_ids", List.of()),
                "write", Map.of("user_ids", writers, "group_ids", List.of()));
    }

    @Test
    void disabledChannelsListNothingAndRefuseTheRest() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        String id = Channels.create(admin, "General", null);
        channels(false);
        try {
            as(admin).get("/api/v1/channels/").then().statusCode(200).body("$", hasSize(0));
            as(admin).get("/api/v1/channels/" + id).then().statusCode(403).body("detail", not(nullValue()));
            as(admin).body(Map.of("name", "x")).post("/api/v1/channels/create").then().statusCode(403);
        } finally {
            channels(true);
        }
        as(admin).get("/api/v1/channels/").then().body("id", hasItem(id));
    }

    @Test
    void adminsManageChannelsAndAccessControlDecidesWhoReadsAndPosts() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser reader = TestUsers.create(Roles.USER);
        TestUser writer = TestUsers.create(Roles.USER);
        TestUser outsider = TestUsers.create(Roles.USER);
        as(writer).body(Map.of("name", "mine")).post("/api/v1/channels/create").then().statusCode(401);
        String id = Channels.create(admin, "Team Room", grants(List.of(reader.id()), List.of(writer.id())));
        as(admin).get("/api/v1/channels/" + id).then().statusCode(200).body("name", equalTo("team room"))
                .body("user_id", equalTo(admin.id())).body("created_at", greaterThan(NANOS_2020))
                .body("access_control.read.user_ids", contains(reader.id()));

        as(reader).get("/api/v1/channels/").then().body("id", hasItem(id));
        as(outsider).get("/api/v1/channels/").then().body("id", not(hasItem(id)));
        as(outsider).get("/api/v1/channels/" + id).then().statusCode(403);
        as(outsider).get("/api/v1/channels/" + id + "/messages").then().statusCode(403);
        as(outsider).body(Map.of("content", "let me in")).post("/api/v1/channels/" + id + "/messages/post").then().statusCode(403);
        as(reader).body(Map.of("content", "read only")).post("/api/v1/channels/" + id + "/messages/post").then().statusCode(403);
        String message = Channels.post(writer, id, Map.of("content", "hello team"));
        as(outsider).get("/api/v1/channels/" + id + "/messages/" + message).then().statusCode(403);
        as(outsider).body(Map.of("name", "thumbsup")).post("/api/v1/channels/" + id + "/messages/" + message + "/reactions/add").then().statusCode(403);
        as(reader).get("/api/v1/channels/" + id + "/messages").then().statusCode(200).body("content", contains("hello team"));

        as(writer).body(Map.of("name", "renamed")).post("/api/v1/channels/" + id + "/update").then().statusCode(401);
        as(admin).body(Map.of("name", "Renamed", "access_control", Map.of())).post("/api/v1/channels/" + id + "/update").then()
                .statusCode(200).body("name", equalTo("renamed"));
        as(reader).get("/api/v1/channels/" + id).then().statusCode(403);
        as(admin).get("/api/v1/channels/list").then().statusCode(200).body("id", hasItem(id));
        as(reader).get("/api/v1/channels/list").then().statusCode(200).body("id", not(hasItem(id)));
        as(admin).get("/api/v1/channels/missing").then().statusCode(404);
        as(admin).body(Map.of("name", 3)).post("/api/v1/channels/create").then().statusCode(400);
        as(admin).body(Map.of("name", "x", "access_control", "everyone")).post("/api/v1/channels/create").then().statusCode(400);
        as(admin).delete("/api/v1/channels/" + id + "/delete").then().statusCode(200).body(equalTo("true"));
        as(admin).get("/api/v1/channels/" + id).then().statusCode(404);
        anonymous().get("/api/v1/channels/").then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).get("/api/v1/channels/").then().statusCode(401);
    }

    /** The v0.6.32 ChannelResponse: the stock UI shows the message input only when write_access is true. */
    @Test
    void channelReadsCarryEveryFieldAndWriteAccessDecidesTheInput() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser reader = TestUsers.create(Roles.USER);
        TestUser writer = TestUsers.create(Roles.USER);
        String restricted = Channels.create(admin, "Crew", grants(List.of(reader.id()), List.of(writer.id())));
        String open = Channels.create(admin, "Lobby", null);

        for (String path : List.of("/api/v1/channels/" + restricted, "/api/v1/channels/" + open)) {
            JsonNode channel = json.valueToTree(as(admin).get(path).then().statusCode(200).extract().as(Map.class));
            assertTrue(channel.get("id").isTextual() && channel.get("user_id").isTextual() && channel.get("name").isTextual(), channel.toString());
            assertTrue(channel.get("description").isTextual(), channel.toString());
            for (String field : List.of("type", "data", "meta", "access_control")) {
                assertTrue(channel.has(field), field + " missing: " + channel);
            }
            assertTrue(channel.get("created_at").isNumber() && channel.get("updated_at").isNumber(), channel.toString());
            assertTrue(channel.get("write_access").isBoolean(), channel.toString());
        }
        as(admin).get("/api/v1/channels/" + restricted).then().body("write_access", equalTo(true));
        as(writer).get("/api/v1/channels/" + restricted).then().body("write_access", equalTo(true));
        as(reader).get("/api/v1/channels/" + restricted).then().body("write_access", equalTo(false));
        as(reader).get("/api/v1/channels/" + open).then().body("write_access", equalTo(true));
        // the creator posts where nobody else was granted anything
        String own = Channels.create(admin, "Quiet", Map.of());
        as(admin).get("/api/v1/channels/" + own).then().body("write_access", equalTo(true));
        Channels.post(admin, own, Map.of("content", "first post"));

        for (String path : List.of("/api/v1/channels/", "/api/v1/channels/list")) {
            as(reader).get(path).then().statusCode(200).body("id", hasItem(restricted)).body("id", not(hasItem(own)))
                    .body("find { it.id == '" + restricted + "' }.access_control.read.user_ids", contains(reader.id()))
                    .body("find { it.id == '" + restricted + "' }.created_at", greaterThan(NANOS_2020));
        }
    }

    @Test
    void messagesPageNewestFirstAndThreadsEndWithTheirRoot() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        String id = Channels.create(admin, "paging", null);
        String first = Channels.post(user, id, Map.of("content", "one"));
        Channels.post(user, id, Map.of("content", "two"));
        Channels.post(user, id, Map.of("content", "three"));
        String reply = Channels.post(admin, id, Map.of("content", "re: one", "parent_id", first));
        Channels.post(user, id, Map.of("content", "quoting", "reply_to_id", reply, "parent_id", first));

        as(user).get("/api/v1/channels/" + id + "/messages").then().statusCode(200).body("content", contains("three", "two", "one"))
                .body("[2].reply_count", equalTo(2)).body("[2].user.id", equalTo(user.id())).body("[2].user.role", equalTo("user"))
                .body("[0].reply_count", equalTo(0)).body("[0].latest_reply_at", nullValue()).body("[0].reactions", hasSize(0));
        as(user).get("/api/v1/channels/" + id + "/messages?skip=1&limit=1").then().body("content", contains("two"));
        as(user).get("/api/v1/channels/" + id + "/messages/" + first + "/thread").then().statusCode(200)
                .body("content", contains("quoting", "re: one", "one")).body("[0].reply_to_message.id", equalTo(reply));
        as(user).get("/api/v1/channels/" + id + "/messages/" + first + "/thread?limit=1").then().body("content", contains("quoting"));
        long latest = as(user).get("/api/v1/channels/" + id + "/messages/" + first + "/thread?limit=1").then().extract().jsonPath().getLong("[0].created_at");
        as(user).get("/api/v1/channels/" + id + "/messages/" + first).then().body("latest_reply_at", equalTo(latest));

        as(user).get("/api/v1/channels/" + id + "/messages?limit=x").then().statusCode(400);
        as(user).get("/api/v1/channels/" + id + "/messages?skip=-1").then().statusCode(400);
        as(user).body(Map.of("content", "nested", "parent_id", reply)).post("/api/v1/channels/" + id + "/messages/post").then().statusCode(400);
        as(user).body(Map.of("content", "")).post("/api/v1/channels/" + id + "/messages/post").then().statusCode(400);
        // Files only (an image as a data URL): no text needed. Uploaded files are checked in ChannelFilesTest.
        as(user).body(Map.of("content", "", "parent_id", first, "data", Map.of("files", List.of(Map.of("type", "image", "url", "data:image/png;base64,AAAA")))))
                .post("/api/v1/channels/" + id + "/messages/post").then().statusCode(200).body("data.files[0].type", equalTo("image"));
        String elsewhere = Channels.create(admin, "elsewhere", null);
        as(user).body(Map.of("content", "cross", "parent_id", first)).post("/api/v1/channels/" + elsewhere + "/messages/post").then().statusCode(400);
        as(user).get("/api/v1/channels/" + elsewhere + "/messages/" + first).then().statusCode(404);
    }

    @Test
    void everyChangeIsPublishedToTheChannelRoomAsTheSpecShapesIt() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser alice = TestUsers.create(Roles.USER);
        TestUser bob = TestUsers.create(Roles.USER);
        TestUser outsider = TestUsers.create(Roles.USER);
        String id = Channels.create(admin, "events", grants(List.of(), List.of(alice.id(), bob.id())));
        String room = "channel:" + id;
        try (EmitListener emits = new EmitListener(redis, keys.emitChannel(), json)) {
            String root = Channels.post(alice, id, Map.of("content", "hello"));
            JsonNode posted = emits.next(e -> Channels.isEvent(e, id, "message") && e.at("/to/rooms/0").asText().equals(room));
            assertEquals(root, posted.at("/data/message_id").asText());
            JsonNode message = posted.at("/data/data/data");
            assertEquals("hello", message.get("content").asText());
            assertEquals(alice.id(), message.at("/user/id").asText());
            assertTrue(message.get("created_at").asLong() > NANOS_2020, "nanoseconds");
            assertTrue(message.has("reply_to_message") && message.get("reply_to_message").isNull());
            assertEquals(0, message.get("reply_count").asInt());
            assertEquals(alice.id(), posted.at("/data/user/id").asText());
            assertEquals(id, posted.at("/data/channel/id").asText());
            assertFalse(posted.at("/data/user").has("email"));

            JsonNode notice = emits.next(e -> Channels.isEvent(e, id, "message") && e.at("/to/except_rooms/0").asText().equals(room));
            List<String> notified = json.convertValue(notice.at("/to/user_ids"), json.getTypeFactory().constructCollectionType(List.class, String.class));
            assertTrue(notified.containsAll(List.of(bob.id(), admin.id())), "readers outside the room hear of it: " + notified);
            assertFalse(notified.contains(alice.id()) || notified.contains(outsider.id()), "not the author, not outsiders: " + notified);

            String reply = Channels.post(bob, id, Map.of("content", "welcome", "parent_id", root));
            JsonNode replied = emits.next(e -> Channels.isEvent(e, id, "message") && e.at("/data/message_id").asText().equals(reply));
            assertEquals(root, replied.at("/data/data/data/parent_id").asText());
            JsonNode thread = emits.next(e -> Channels.isEvent(e, id, "message:reply"));
            assertEquals(root, thread.at("/data/message_id").asText());
            assertEquals(1, thread.at("/data/data/data/reply_count").asInt());
            assertEquals(replied.at("/data/data/data/created_at").asLong(), thread.at("/data/data/data/latest_reply_at").asLong());

            as(bob).body(Map.of("name", "thumbsup")).post("/api/v1/channels/" + id + "/messages/" + root + "/reactions/add").then().statusCode(200);
            as(alice).body(Map.of("name", "thumbsup")).post("/api/v1/channels/" + id + "/messages/" + root + "/reactions/add").then().statusCode(200);
            as(alice).body(Map.of("name", "thumbsup")).post("/api/v1/channels/" + id + "/messages/" + root + "/reactions/add").then().statusCode(200);
            emits.next(e -> Channels.isEvent(e, id, "message:reaction:add"));
            JsonNode reacted = emits.next(e -> Channels.isEvent(e, id, "message:reaction:add"));
            assertEquals("thumbsup", reacted.at("/data/data/data/name").asText());
            assertEquals(root, reacted.at("/data/data/data/id").asText());
            assertEquals(2, reacted.at("/data/data/data/reactions/0/count").asInt());
            assertEquals(bob.id(), reacted.at("/data/data/data/reactions/0/user_ids/0").asText());
            as(bob).body(Map.of("name", "thumbsup")).post("/api/v1/channels/" + id + "/messages/" + root + "/reactions/remove").then().statusCode(200);
            JsonNode removed = emits.next(e -> Channels.isEvent(e, id, "message:reaction:remove"));
            assertEquals(alice.id(), removed.at("/data/data/data/reactions/0/user_ids/0").asText());
            assertEquals(1, removed.at("/data/data/data/reactions/0/count").asInt());

            as(bob).body(Map.of("content", "hijacked")).post("/api/v1/channels/" + id + "/messages/" + root + "/update").then().statusCode(403);
            as(bob).delete("/api/v1/channels/" + id + "/messages/" + root + "/delete").then().statusCode(403);
            as(alice).body(Map.of("content", "hello, edited")).post("/api/v1/channels/" + id + "/messages/" + root + "/update").then()
                    .statusCode(200).body("content", equalTo("hello, edited"));
            JsonNode updated = emits.next(e -> Channels.isEvent(e, id, "message:update"));
            assertEquals("hello, edited", updated.at("/data/data/data/content").asText());
            assertTrue(updated.at("/data/data/data/updated_at").asLong() > updated.at("/data/data/data/created_at").asLong());

            as(admin).delete("/api/v1/channels/" + id + "/messages/" + reply + "/delete").then().statusCode(200);
            JsonNode deleted = emits.next(e -> Channels.isEvent(e, id, "message:delete"));
            assertEquals(reply, deleted.at("/data/message_id").asText());
            assertEquals("welcome", deleted.at("/data/data/data/content").asText());
            assertEquals(admin.id(), deleted.at("/data/user/id").asText());
            JsonNode shrunk = emits.next(e -> Channels.isEvent(e, id, "message:reply"));
            assertEquals(0, shrunk.at("/data/data/data/reply_count").asInt());

            as(outsider).body(Map.of("content", "nope")).post("/api/v1/channels/" + id + "/messages/post").then().statusCode(403);
            as(alice).delete("/api/v1/channels/" + id + "/messages/" + root + "/delete").then().statusCode(200);
            emits.next(e -> Channels.isEvent(e, id, "message:delete"));
            assertTrue(emits.skipped.stream().noneMatch(e -> e.toString().contains("nope")), "a refused post publishes nothing");
            as(alice).get("/api/v1/channels/" + id + "/messages").then().body("$", hasSize(0));
        }
    }
}
