package dev.webui.api.workspace;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Prompts, memories, notes, feedback and plugin lists, each driven as owner, other user, pending and anonymous. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WorkspaceTest {

    @Test
    void promptsFollowOwnershipAndAccessControl() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        Map<String, Object> body = new HashMap<>(Map.of("command", "/summarize", "title", "Summarize", "content", "Summarize: {{CLIPBOARD}}"));
        body.put("access_control", null);
        as(user).body(body).post("/api/v1/prompts/create").then().statusCode(401);
        as(admin).body(body).post("/api/v1/prompts/create").then().statusCode(200).body("command", equalTo("/summarize"));
        as(admin).body(body).post("/api/v1/prompts/create").then().statusCode(400);
        as(user).get("/api/v1/prompts/").then().statusCode(200).body("command", hasItem("/summarize"));
        as(user).get("/api/v1/prompts/command/summarize").then().statusCode(200).body("content", equalTo("Summarize: {{CLIPBOARD}}"));
        as(user).get("/api/v1/prompts/list").then().statusCode(200).body("$", hasSize(0));
        as(admin).get("/api/v1/prompts/list").then().body("[0].user.id", equalTo(admin.id()));
        as(user).body(body).post("/api/v1/prompts/command/summarize/update").then().statusCode(401);
        as(user).delete("/api/v1/prompts/command/summarize/delete").then().statusCode(401);
        body.put("access_control", Map.of());
        as(admin).body(body).post("/api/v1/prompts/command/summarize/update").then().statusCode(200);
        as(user).get("/api/v1/prompts/command/summarize").then().statusCode(404);
        as(user).get("/api/v1/prompts/").then().body("command", not(hasItem("/summarize")));
        as(admin).delete("/api/v1/prompts/command/summarize/delete").then().statusCode(200).body(equalTo("true"));
        as(admin).get("/api/v1/prompts/command/summarize").then().statusCode(404);
        anonymous().get("/api/v1/prompts/").then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).get("/api/v1/prompts/").then().statusCode(401);
    }

    @Test
    void makingAnObjectPublicNeedsTheSharingPermission() {
        TestUser maker = TestUsers.create(Roles.USER);
        TestUser sharer = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        grant(maker, "{\"workspace\":{\"prompts\":true,\"models\":true}}");
        grant(sharer, "{\"workspace\":{\"prompts\":true,\"models\":true},"
                + "\"sharing\":{\"public_prompts\":true,\"public_models\":true,\"public_notes\":true}}");
        for (TestUser author : List.of(maker, sharer)) {
            boolean mayShare = author == sharer;
            String suffix = mayShare ? "shared" : "private";
            Map<String, Object> prompt = new HashMap<>(Map.of("command", "/p-" + suffix, "title", "t", "content", "c"));
            prompt.put("access_control", null);
            as(author).body(prompt).post("/api/v1/prompts/create").then().statusCode(200)
                    .body("access_control", mayShare ? nullValue() : equalTo(Map.of()));
            as(reader).get("/api/v1/prompts/command/p-" + suffix).then().statusCode(mayShare ? 200 : 404);
            as(author).body(prompt).post("/api/v1/prompts/command/p-" + suffix + "/update").then().statusCode(200)
                    .body("access_control", mayShare ? nullValue() : equalTo(Map.of()));

            Map<String, Object> model = new HashMap<>(Map.of("id", "m-" + suffix, "base_model_id", "gpt-4o", "name", "m",
                    "meta", Map.of(), "params", Map.of()));
            model.put("access_control", null);
            as(author).body(model).post("/api/v1/models/create").then().statusCode(200)
                    .body("access_control", mayShare ? nullValue() : equalTo(Map.of()));
            as(reader).queryParam("id", "m-" + suffix).get("/api/v1/models/model").then().statusCode(mayShare ? 200 : 404);

            Map<String, Object> note = new HashMap<>(Map.of("title", "n"));
            note.put("access_control", null);
            String id = as(author).body(note).post("/api/v1/notes/create").then().statusCode(200)
                    .body("access_control", mayShare ? nullValue() : equalTo(Map.of())).extract().path("id");
            as(reader).get("/api/v1/notes/" + id).then().statusCode(mayShare ? 200 : 404);
            as(author).body(note).post("/api/v1/notes/" + id + "/update").then().statusCode(200)
                    .body("access_control", mayShare ? nullValue() : equalTo(Map.of()));
        }
    }

    private static void grant(TestUser user, String permissions) {
        String group = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO \"group\" (id, user_id, name, description, permissions, created_at, updated_at) "
                + "VALUES (?, ?, 'makers', '', ?::jsonb, 0, 0)", group, user.id(), permissions);
        TestUsers.execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, 0)", group, user.id());
    }

    @Test
    void memoriesBelongToTheirOwner() {
        TestUser user = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        String id = as(user).body(Map.of("content", "I live in Lisbon and like jazz")).post("/api/v1/memories/add").then()
                .statusCode(200).body("user_id", equalTo(user.id())).extract().path("id");
        as(user).body(Map.of("content", "My dog is called Rex")).post("/api/v1/memories/add").then().statusCode(200);
        as(user).body(Map.of("content", "Where do I live?", "k", 1)).post("/api/v1/memories/query").then().statusCode(200)
                .body("documents[0]", contains("I live in Lisbon and like jazz"));
        as(other).get("/api/v1/memories/").then().body("$", hasSize(0));
        as(other).body(Map.of("content", "hijack")).post("/api/v1/memories/" + id + "/update").then().statusCode(404);
        as(other).delete("/api/v1/memories/" + id).then().statusCode(404);
        as(user).body(Map.of("content", "I live in Porto")).post("/api/v1/memories/" + id + "/update").then().statusCode(200)
                .body("content", equalTo("I live in Porto"));
        as(user).body(Map.of("content", 3)).post("/api/v1/memories/add").then().statusCode(400);
        as(user).delete("/api/v1/memories/delete/user").then().statusCode(200);
        as(user).get("/api/v1/memories/").then().body("$", hasSize(0));
    }

    @Test
    void notesUseNanosecondsAndAccessControl() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        Map<String, Object> note = new HashMap<>(Map.of("title", "Plan", "data", Map.of("content", Map.of("md", "# plan", "html", "<h1>plan</h1>"))));
        note.put("access_control", Map.of());
        String id = as(owner).body(note).post("/api/v1/notes/create").then().statusCode(200)
                .body("created_at", greaterThan(1_000_000_000_000_000_000L)).extract().path("id");
        as(other).get("/api/v1/notes/" + id).then().statusCode(404);
        as(other).get("/api/v1/notes/").then().body("id", not(hasItem(id)));
        note.put("access_control", Map.of("read", Map.of("user_ids", List.of(other.id()), "group_ids", List.of()),
                "write", Map.of("user_ids", List.of(), "group_ids", List.of())));
        as(owner).body(note).post("/api/v1/notes/" + id + "/update").then().statusCode(200);
        as(other).get("/api/v1/notes/" + id).then().statusCode(200).body("data.content.md", equalTo("# plan"));
        as(other).get("/api/v1/notes/").then().body("find { it.id == '" + id + "' }.user.id", equalTo(owner.id()));
        as(other).get("/api/v1/notes/list?page=1").then().body("id", hasItem(id));
        as(other).body(note).post("/api/v1/notes/" + id + "/update").then().statusCode(401);
        as(other).delete("/api/v1/notes/" + id + "/delete").then().statusCode(401);
        as(owner).delete("/api/v1/notes/" + id + "/delete").then().statusCode(200);
        as(owner).get("/api/v1/notes/" + id).then().statusCode(404);
        as(owner).body(Map.of("title", 5)).post("/api/v1/notes/create").then().statusCode(400);
    }

    @Test
    void feedbackIsPrivateToItsAuthorAndAdmins() {
        TestUser user = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        TestUser admin = TestUsers.create(Roles.ADMIN);
        Map<String, Object> rating = Map.of("type", "rating",
                "data", Map.of("rating", 1, "model_id", "gpt-4o", "sibling_model_ids", List.of(), "reason", "", "comment", "good"),
                "meta", Map.of("chat_id", "c1", "message_id", "m1"), "snapshot", Map.of("chat", Map.of("title", "x")));
        String id = as(user).body(rating).post("/api/v1/evaluations/feedback").then().statusCode(200)
                .body("data.rating", equalTo(1)).body("version", equalTo(0)).extract().path("id");
        as(other).get("/api/v1/evaluations/feedback/" + id).then().statusCode(404);
        as(other).delete("/api/v1/evaluations/feedback/" + id).then().statusCode(404);
        as(admin).get("/api/v1/evaluations/feedback/" + id).then().statusCode(200);
        as(user).get("/api/v1/evaluations/feedbacks/user").then().body("id", contains(id));
        as(admin).get("/api/v1/evaluations/feedbacks/all").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.user.id", equalTo(user.id()))
                .body("find { it.id == '" + id + "' }.snapshot", nullValue());
        as(admin).get("/api/v1/evaluations/feedbacks/all/export").then().body("find { it.id == '" + id + "' }.snapshot.chat.title", equalTo("x"));
        as(user).get("/api/v1/evaluations/feedbacks/all").then().statusCode(401);
        as(admin).get("/api/v1/evaluations/config").then().statusCode(200).body("$", hasKey("EVALUATION_ARENA_MODELS"));
        as(user).delete("/api/v1/evaluations/feedbacks").then().statusCode(200);
        as(user).get("/api/v1/evaluations/feedbacks/user").then().body("$", hasSize(0));
    }

    @Test
    void pluginListsShowImportedRowsByAccess() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        TestUsers.execute("INSERT INTO tool (id, user_id, name, content, access_control, created_at, updated_at) "
                + "VALUES ('private_tool', ?, 'Private', 'pass', '{}', 1, 1)", admin.id());
        TestUsers.execute("INSERT INTO tool (id, user_id, name, content, created_at, updated_at) VALUES ('public_tool', ?, 'Public', 'pass', 1, 1)", admin.id());
        TestUsers.execute("INSERT INTO function (id, user_id, name, type, content, created_at, updated_at) VALUES ('f1', ?, 'F', 'filter', 'pass', 1, 1)", admin.id());
        as(user).get("/api/v1/tools/").then().statusCode(200).body("id", contains("public_tool"));
        as(admin).get("/api/v1/tools/").then().body("id", hasItem("private_tool"));
        as(user).get("/api/v1/tools/list").then().body("$", hasSize(0));
        as(user).get("/api/v1/functions/").then().statusCode(200).body("id", contains("f1")).body("[0]", not(hasKey("content")));
        anonymous().get("/api/v1/tools/").then().statusCode(403);
    }
}
