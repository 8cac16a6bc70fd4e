package dev.webui.api.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.support.EmitListener;
import dev.webui.api.support.Poll;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The content a collaborative editor renders reaches note.data through the client-events channel
 * exactly as the bridge forwards it, only from users who may write, and REST updates are announced
 * as note-events.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NoteCollaborationTest {
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;
    @Inject
    ObjectMapper json;

    private static String note(TestUser owner, Object accessControl) {
        var body = new java.util.HashMap<String, Object>(Map.of("title", "Plan",
                "data", Map.of("content", Map.of("md", "start"), "files", List.of())));
        body.put("access_control", accessControl);
        return as(owner).body(body).post("/api/v1/notes/create").then().statusCode(200).extract().path("id");
    }

    private void forward(String userId, String noteId, String md) throws Exception {
        Map<String, Object> event = Map.of("event", "ydoc:document:update", "sid", "sid-" + userId, "user_id", userId,
                "instance", "bridge-test", "data", Map.of("document_id", "note:" + noteId,
                        "data", Map.of("content", Map.of("md", md, "html", "<p>" + md + "</p>", "json", Map.of()))));
        redis.pubsub(String.class).publish(keys.clientEventChannel(), json.writeValueAsString(event)).await().atMost(Duration.ofSeconds(10));
    }

    private static String md(TestUser user, String noteId) {
        return as(user).get("/api/v1/notes/" + noteId).then().statusCode(200).extract().path("data.content.md");
    }

    private static void awaitContent(TestUser user, String noteId, String expected) {
        Poll.until("note " + noteId + " has content " + expected, Duration.ofSeconds(20), () -> expected.equals(md(user, noteId)));
    }

    @Test
    void theLastContentOfABurstIsSavedAndMergedIntoTheNote() throws Exception {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        TestUser stranger = TestUsers.create(Roles.USER);
        String shared = note(owner, Map.of("read", Map.of("user_ids", List.of(reader.id()), "group_ids", List.of()),
                "write", Map.of("user_ids", List.of(), "group_ids", List.of())));
        String other = note(owner, Map.of());
        forward(reader.id(), shared, "defaced by a reader");
        forward(stranger.id(), other, "defaced by a stranger");
        for (int i = 1; i <= 5; i++) {
            forward(owner.id(), shared, "draft " + i);
        }
        forward(owner.id(), other, "other done");
        awaitContent(owner, shared, "draft 5");
        awaitContent(owner, other, "other done");
        as(reader).get("/api/v1/notes/" + shared).then().body("data.content.html", equalTo("<p>draft 5</p>"))
                .body("data.files.size()", equalTo(0)).body("title", equalTo("Plan"));
    }

    @Test
    void aReaderOnlyUpdateIsNeverSaved() throws Exception {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        String shared = note(owner, Map.of("read", Map.of("user_ids", List.of(reader.id()), "group_ids", List.of()),
                "write", Map.of("user_ids", List.of(), "group_ids", List.of())));
        String marker = note(owner, Map.of());
        forward(reader.id(), shared, "defaced");
        // The marker's wait starts later, so the reader's has run out by the time the marker is saved.
        forward(owner.id(), marker, "marker");
        awaitContent(owner, marker, "marker");
        assertEquals("start", md(owner, shared));
    }

    @Test
    void restUpdatesAreAnnouncedToTheNoteRoom() throws Exception {
        TestUser owner = TestUsers.create(Roles.USER);
        String id = note(owner, Map.of());
        try (EmitListener emits = new EmitListener(redis, keys.emitChannel(), json)) {
            as(owner).body(Map.of("title", "Renamed", "data", Map.of("content", Map.of("md", "x")))).post("/api/v1/notes/" + id + "/update")
                    .then().statusCode(200);
            JsonNode event = emits.next(e -> "note-events".equals(e.path("event").asText()));
            assertEquals("note:" + id, event.at("/to/rooms/0").asText());
            assertEquals("Renamed", event.at("/data/title").asText());
            assertTrue(event.at("/data/updated_at").asLong() > 1_577_836_800_000_000_000L);
            assertTrue(event.at("/data").has("access_control"));
        }
    }
}
