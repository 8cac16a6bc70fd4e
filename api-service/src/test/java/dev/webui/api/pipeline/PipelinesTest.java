package dev.webui.api.pipeline;

import dev.webui.api.completion.CompletionTestProfile;
import dev.webui.api.support.FakeLlm;
import dev.webui.api.support.FakePipelines;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin > Pipelines through a fake Pipelines server, and its filters around completions. */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class PipelinesTest {
    private static FakeLlm llm;
    private static FakePipelines pipes;
    private static TestUser admin;
    private static TestUser user;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeLlm();
        pipes = new FakePipelines();
    }

    @AfterAll
    static void stop() {
        llm.close();
        pipes.close();
        admin = null;
    }

    @BeforeEach
    void connect() {
        if (admin != null) {
            return;
        }
        admin = TestUsers.create(Roles.ADMIN);
        user = TestUsers.create(Roles.USER);
        // 0: a plain provider, 1: the Pipelines server, 2: a server that is down
        as(admin).body(Map.of("ENABLE_OPENAI_API", true,
                "OPENAI_API_BASE_URLS", List.of(llm.baseUrl(), pipes.baseUrl(), "http://127.0.0.1:1/v1"),
                "OPENAI_API_KEYS", List.of(FakeLlm.KEY, FakePipelines.KEY, "sk-down"),
                "OPENAI_API_CONFIGS", Map.of("0", Map.of("enable", true, "model_ids", List.of("gpt-fake")),
                        "1", Map.of("enable", true), "2", Map.of("enable", true))))
                .post("/openai/config/update").then().statusCode(200);
    }

    @Test
    void listNamesOnlyTheConnectionsThatArePipelinesServers() {
        as(admin).get("/api/v1/pipelines/list").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].url", equalTo(pipes.baseUrl())).body("data[0].idx", equalTo(1));
        as(user).get("/api/v1/pipelines/list").then().statusCode(401);
    }

    @Test
    void pipelinesAndTheirValvesAreRelayed() {
        as(admin).get("/api/v1/pipelines/?urlIdx=1").then().statusCode(200).body("data[0].id", equalTo("guard"));
        as(admin).get("/api/v1/pipelines/guard/valves?urlIdx=1").then().statusCode(200).body("limit", equalTo(5));
        as(admin).get("/api/v1/pipelines/guard/valves/spec?urlIdx=1").then().statusCode(200)
                .body("properties.limit.type", equalTo("integer"));
        as(admin).body(Map.of("limit", 9)).post("/api/v1/pipelines/guard/valves/update?urlIdx=1").then().statusCode(200)
                .body("limit", equalTo(9));
        as(admin).get("/api/v1/pipelines/guard/valves?urlIdx=1").then().statusCode(200).body("limit", equalTo(9));
        as(admin).get("/api/v1/pipelines/nothing/valves?urlIdx=1").then().statusCode(404).body("detail", equalTo("Not Found"));
        as(user).get("/api/v1/pipelines/guard/valves?urlIdx=1").then().statusCode(401);
        as(user).body(Map.of("limit", 1)).post("/api/v1/pipelines/guard/valves/update?urlIdx=1").then().statusCode(401);
        as(admin).body("[1]").post("/api/v1/pipelines/guard/valves/update?urlIdx=1").then().statusCode(400);
    }

    @Test
    void addAndDeleteKeepTheServersAnswers() {
        as(admin).body(Map.of("url", "https://example.com/p.py", "urlIdx", 1)).post("/api/v1/pipelines/add").then()
                .statusCode(200).body("status", equalTo(true));
        as(admin).body(Map.of("url", "ftp://x", "urlIdx", 1)).post("/api/v1/pipelines/add").then()
                .statusCode(400).body("detail", equalTo("Invalid URL"));
        as(admin).body(Map.of("url", "https://example.com/p.py")).post("/api/v1/pipelines/add").then()
                .statusCode(400).body("detail", equalTo("'urlIdx' is required"));
        as(admin).body(Map.of("url", "https://example.com/p.py", "urlIdx", 7)).post("/api/v1/pipelines/add").then()
                .statusCode(404).body("detail", equalTo("Pipeline not found"));
        as(user).body(Map.of("url", "https://example.com/p.py", "urlIdx", 1)).post("/api/v1/pipelines/add").then().statusCode(401);

        as(admin).body(Map.of("id", "guard", "urlIdx", 1)).delete("/api/v1/pipelines/delete").then()
                .statusCode(200).body("detail", equalTo("Pipeline guard deleted successfully"));
        as(admin).body(Map.of("id", "other", "urlIdx", "1")).delete("/api/v1/pipelines/delete").then()
                .statusCode(404).body("detail", equalTo("Pipeline other not found"));
        as(admin).body(Map.of("urlIdx", 1)).delete("/api/v1/pipelines/delete").then().statusCode(400);
    }

    @Test
    void uploadForwardsThePythonFile() {
        given().header("Authorization", "Bearer " + admin.token())
                .multiPart("urlIdx", "1")
                .multiPart("file", "dir/my_filter.py", "class Pipeline:\n    pass\n".getBytes(StandardCharsets.UTF_8), "text/x-python")
                .post("/api/v1/pipelines/upload").then().statusCode(200).body("status", equalTo(true));
        String upload = pipes.uploads.get(pipes.uploads.size() - 1);
        assertTrue(upload.startsWith("multipart/form-data; boundary="), upload);
        assertTrue(upload.contains("name=\"file\"; filename=\"my_filter.py\""), upload);
        assertTrue(upload.contains("class Pipeline:\n    pass\n"), upload);

        given().header("Authorization", "Bearer " + admin.token()).multiPart("urlIdx", "1")
                .multiPart("file", "notes.txt", "x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/pipelines/upload").then().statusCode(400).body("detail", equalTo("Only Python (.py) files are allowed."));
        given().header("Authorization", "Bearer " + user.token()).multiPart("urlIdx", "1")
                .multiPart("file", "a.py", "x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/pipelines/upload").then().statusCode(401);
    }

    @Test
    void aServerThatIsDownIs502() {
        as(admin).get("/api/v1/pipelines/?urlIdx=2").then().statusCode(502)
                .body("detail", startsWith("Could not reach the pipelines server at http://127.0.0.1:1/v1"));
        as(admin).get("/api/v1/pipelines/").then().statusCode(404).body("detail", equalTo("Pipeline not found"));
    }

    @Test
    void filterPipelinesAreNotModelsToChatWith() {
        as(admin).get("/api/models").then().statusCode(200)
                .body("data.id", hasItems("gpt-fake", "echo-pipe")).body("data.id", not(hasItems("guard")));
    }

    @Test
    void theInletFilterRewritesTheMessagesBeforeTheProvider() {
        int before = pipes.filterBodies.size();
        as(admin).body(Map.of("model", "gpt-fake", "stream", false, "messages", List.of(Map.of("role", "user", "content", "hello"))))
                .post("/api/chat/completions").then().statusCode(200).body("choices[0].message.content", equalTo("Hello world!"));
        JsonObject sent = llm.requests.get(llm.requests.size() - 1);
        JsonArray messages = sent.getJsonArray("messages");
        assertEquals("[guarded] hello", messages.getJsonObject(messages.size() - 1).getString("content"));
        assertEquals("gpt-fake", sent.getString("model"));
        assertFalse(sent.containsKey("metadata"), "the filter's metadata is not sent to the provider");

        JsonObject call = pipes.filterBodies.get(before);
        assertEquals(admin.id(), call.getJsonObject("user").getString("id"));
        assertEquals("admin", call.getJsonObject("user").getString("role"));
        assertEquals("gpt-fake", call.getJsonObject("body").getString("model"));
        assertEquals(admin.id(), call.getJsonObject("body").getJsonObject("metadata").getString("user_id"));
    }

    @Test
    void aFilterRefusalStopsTheCompletionWithItsDetail() {
        int sent = llm.requests.size();
        as(admin).body(Map.of("model", "gpt-fake", "stream", false, "messages", List.of(Map.of("role", "user", "content", "forbidden"))))
                .post("/api/chat/completions").then().statusCode(403).body("detail", equalTo("The guard refused this message"));
        assertEquals(sent, llm.requests.size(), "the provider was not asked");
    }

    @Test
    void theOutletFilterRewritesTheCompletedMessages() {
        Response response = as(admin).body(Map.of("model", "gpt-fake", "chat_id", "local", "id", "m1", "session_id", "s1",
                        "messages", List.of(Map.of("id", "u1", "role", "user", "content", "hi"),
                                Map.of("id", "m1", "role", "assistant", "content", "Hello"))))
                .post("/api/chat/completed");
        response.then().statusCode(200).body("messages[1].content", equalTo("Hello [checked]")).body("chat_id", equalTo("local"));
        as(user).body(Map.of("model", "gpt-fake", "chat_id", "not-mine", "messages", List.of()))
                .post("/api/chat/completed").then().statusCode(404);
    }

    @Test
    void taskPromptsGoThroughTheInletToo() {
        int before = pipes.filterBodies.size();
        as(admin).body(Map.of("model", "gpt-fake", "messages", List.of(Map.of("role", "user", "content", "How far is Mars?"))))
                .post("/api/v1/tasks/title/completions").then().statusCode(200);
        JsonObject call = pipes.filterBodies.get(before);
        assertEquals("title_generation", call.getJsonObject("body").getJsonObject("metadata").getString("task"));
        JsonObject sent = llm.requests.get(llm.requests.size() - 1);
        assertTrue(sent.getJsonArray("messages").getJsonObject(0).getString("content").startsWith("[guarded] "), sent.encode());
        assertFalse(sent.containsKey("metadata"));
    }
}
