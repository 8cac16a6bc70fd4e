package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.chat.TestSql;
import dev.webui.api.support.Chats;
import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeLlm;
import dev.webui.api.support.Poll;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class CompletionsTest extends CompletionTestBase {
    @Override
    Map<String, Object> presetParams() {
        // a system prompt with a variable, and params
        return Map.of("system", "You are {{USER_NAME}}'s helper.", "temperature", 0.3);
    }

    private static Map<String, Object> body(String model, String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
        body.put("stream", true);
        return body;
    }

    private static Map<String, Object> socketBody(String model, String prompt, String chatId, String messageId) {
        Map<String, Object> body = body(model, prompt);
        body.put("session_id", "sid-1");
        body.put("chat_id", chatId);
        body.put("id", messageId);
        body.put("params", Map.of());
        body.put("features", Map.of("web_search", false));
        body.put("model_item", Map.of("id", model));
        return body;
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    // ---- SSE and JSON modes --------------------------------------------------------------

    @Test
    void sseModeRelaysTheProvidersEventsAndEndMarker() {
        int before = upstream.requests.size();
        Response response = as(admin).body(body("gpt-fake", "hi")).post("/api/chat/completions");
        response.then().statusCode(200).header("Content-Type", containsString("text/event-stream"));
        String text = response.asString();
        assertTrue(text.contains("\"content\":\"Hello\""), text);
        assertTrue(text.contains("\"content\":\" world\""), text);
        assertTrue(text.trim().endsWith("data: [DONE]"), text);
        assertFalse(text.contains("\"usage\""), "usage chunk only when the caller asked for it: " + text);
        var sent = upstream.requests.get(before);
        assertEquals("gpt-fake", sent.getString("model"));
        assertEquals(true, sent.getJsonObject("stream_options").getBoolean("include_usage"));
        assertEquals("Bearer " + FakeLlm.KEY, upstream.authorizations.get(before));
    }

    @Test
    void presetsApplyTheirSystemPromptAndParamsAndOpenWebuiFieldsAreStripped() {
        int before = upstream.requests.size();
        Map<String, Object> body = body("helper", "hi");
        body.put("variables", Map.of("{{USER_NAME}}", "Ada"));
        body.put("params", Map.of("temperature", 0.9, "max_tokens", 50));
        body.put("files", List.of());
        body.put("stream_options", Map.of("include_usage", true));
        String text = as(user).body(body).post("/api/v1/chat/completions").then().statusCode(200).extract().asString();
        assertTrue(text.contains("\"usage\""), text);
        var sent = upstream.requests.get(before);
        assertEquals("gpt-fake", sent.getString("model"));
        assertEquals(0.3, sent.getDouble("temperature"), 1e-9);
        assertEquals(50, sent.getInteger("max_tokens"));
        assertEquals("system", sent.getJsonArray("messages").getJsonObject(0).getString("role"));
        assertEquals("You are Ada's helper.", sent.getJsonArray("messages").getJsonObject(0).getString("content"));
        for (String field : List.of("variables", "params", "files")) {
            assertFalse(sent.containsKey(field), field + " must not reach the provider");
        }
    }

    @Test
    void jsonModeAnswersTheProvidersCompletion() {
        Map<String, Object> body = body("gpt-fake", "hi");
        body.put("stream", false);
        as(admin).body(body).post("/openai/chat/completions").then().statusCode(200)
                .body("choices[0].message.content", equalTo("Hello world!"))
                .body("usage.completion_tokens", equalTo(3));
    }

    // ---- access ---------------------------------------------------------------------------

    @Test
    void aUserCannotUseAModelTheyCannotSee() {
        as(user).body(body("gpt-fake", "hi")).post("/api/chat/completions").then().statusCode(400)
                .body("detail", equalTo("Model not found"));
        as(user).body(body("no-such-model", "hi")).post("/api/chat/completions").then().statusCode(400)
                .body("detail", equalTo("Model not found"));
    }

    @Test
    void anotherUsersChatIsRefused() {
        String chatId = Chats.create(other, "theirs", 2);
        int before = upstream.requests.size();
        as(user).body(socketBody("helper", "hi", chatId, "m1")).post("/api/chat/completions").then().statusCode(404)
                .body("detail", notNullValue());
        assertEquals(before, upstream.requests.size(), "nothing may be sent upstream");
        assertEquals(List.of("message number 1"), TestSql.strings("SELECT content FROM chat_message WHERE chat_id = ? AND id = 'm1'", chatId));
    }

    @Test
    void badRequestsGetADetail() {
        as(user).body("{not json").post("/api/chat/completions").then().statusCode(400).body("detail", notNullValue());
        as(user).body(Map.of("messages", List.of())).post("/api/chat/completions").then().statusCode(400)
                .body("detail", containsString("model"));
        io.restassured.RestAssured.given().contentType("application/json").body(body("helper", "hi"))
                .post("/api/chat/completions").then().statusCode(401).body("detail", notNullValue());
    }

    // ---- socket mode ----------------------------------------------------------------------

    @Test
    void socketModeAnswersWithATaskEmitsTheSequenceAndSavesTheAnswer() {
        String chatId = Chats.create(user, "first", 2);
        Map<String, Object> body = socketBody("helper", "hi", chatId, "m1");
        body.put("stream_options", Map.of("include_usage", true));
        String taskId = as(user).body(body).post("/api/chat/completions").then().statusCode(200)
                .body("status", equalTo(true)).extract().path("task_id");
        assertTrue(taskId != null && !taskId.isBlank());

        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        JsonNode done = events.stream().filter(EmitTap::isDone).findFirst().orElseThrow();
        assertEquals("Hello world!", data(done).path("content").asText());
        assertEquals("first", data(done).path("title").asText());
        assertEquals(chatId, done.path("chat_id").asText());
        List<String> contents = events.stream().filter(e -> EmitTap.isType(e, "chat:completion") && data(e).has("content")
                && !data(e).has("done")).map(e -> data(e).path("content").asText()).toList();
        assertFalse(contents.isEmpty());
        assertEquals("Hello world!", contents.get(contents.size() - 1));
        for (int i = 1; i < contents.size(); i++) {
            assertTrue(contents.get(i).startsWith(contents.get(i - 1)), "each content event carries the whole text so far");
        }
        assertTrue(events.stream().anyMatch(e -> EmitTap.isType(e, "chat:completion")
                && data(e).path("usage").path("completion_tokens").asInt() == 3), "usage event");
        assertTrue(events.indexOf(done) == events.size() - 1 || events.stream().skip(events.indexOf(done) + 1)
                .noneMatch(e -> EmitTap.isType(e, "chat:completion")), "done is the last chat:completion");
        // the emit goes to all of the user's sockets
        JsonNode emit = tap.emits.stream().filter(e -> "chat-events".equals(e.path("event").asText())
                && chatId.equals(e.path("data").path("chat_id").asText())).findFirst().orElseThrow();
        assertEquals(user.id(), emit.path("to").path("user_ids").path(0).asText());

        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Hello world!"))
                .body("chat.history.messages.m1.usage.prompt_tokens", equalTo(11))
                .body("chat.history.messages.m1.model", equalTo("helper"))
                .body("chat.history.messages.m0.content", equalTo("message number 0"));
        Poll.until("the task leaves the registry", () -> as(user).get("/api/tasks/chat/" + chatId).then().extract()
                .jsonPath().getList("task_ids").isEmpty());
    }

    @Test
    void usageIsRecordedPerUserAndModel() {
        String chatId = Chats.create(user, "usage", 2);
        as(user).body(socketBody("helper", "words:5", chatId, "m1")).post("/api/chat/completions").then().statusCode(200);
        tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        Poll.until("a usage row", () -> !TestSql.strings("SELECT prompt_tokens || '/' || completion_tokens FROM completion_usage "
                + "WHERE user_id = ? AND model_id = 'helper' AND chat_id = ?", user.id(), chatId).isEmpty());
        assertEquals(List.of("11/5"), TestSql.strings("SELECT prompt_tokens || '/' || completion_tokens FROM completion_usage "
                + "WHERE user_id = ? AND chat_id = ?", user.id(), chatId));
    }

    @Test
    void temporaryChatsStreamWithoutTouchingTheDatabase() {
        String messageId = Chats.uuid();
        as(user).body(socketBody("helper", "hi", "local", messageId)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent("local", messageId, EmitTap::isDone);
        assertEquals("local", events.get(0).path("chat_id").asText());
        assertEquals(List.of(), TestSql.strings("SELECT chat_id FROM chat_message WHERE id = ?", messageId));
    }

    @Test
    void answersThatEndAtOnceLeaveNothingInTheTaskRegistry() {
        // the stream starts beside the task's registration, so some of these end before their registry writes land
        TestUser quick = TestUsers.create(Roles.USER);
        Map<String, String> tasks = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String messageId = Chats.uuid();
            tasks.put(messageId, as(quick).body(socketBody("helper", "hi", "local", messageId)).post("/api/chat/completions")
                    .then().statusCode(200).extract().path("task_id"));
        }
        // done is emitted after the task has left the registry
        tasks.keySet().forEach(messageId -> tap.awaitEvent("local", messageId, EmitTap::isDone));
        for (String taskId : tasks.values()) {
            assertFalse(redis.key().exists(keys.task(taskId)).await().indefinitely(), "no task key left for " + taskId);
        }
        assertEquals(java.util.Set.of(), redis.set(String.class).smembers(keys.tasksOfUser(quick.id())).await().indefinitely());
        as(quick).get("/api/tasks").then().statusCode(200).body("tasks", equalTo(List.of()));
    }

    // ---- upstream faults ------------------------------------------------------------------

    private List<JsonNode> socketFault(String prompt, String expected) {
        String chatId = Chats.create(user, "fault " + prompt, 2);
        as(user).body(socketBody("helper", prompt, chatId, "m1")).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:tasks:cancel")
                && e.path("chat_id").asText().equals(chatId));
        List<JsonNode> mine = events.stream().filter(e -> chatId.equals(e.path("chat_id").asText())).toList();
        JsonNode error = mine.stream().filter(e -> EmitTap.isType(e, "chat:message:error")).findFirst().orElseThrow();
        String message = data(error).path("error").path("content").asText();
        assertTrue(message.contains(expected), message);
        assertTrue(mine.indexOf(error) < mine.size() - 1, "chat:tasks:cancel follows the error");
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.error.content", equalTo(message));
        return mine;
    }

    @Test
    void providerRefusingTheKeyIsReported() {
        socketFault("status:401", "refused the API key");
        as(admin).body(body("gpt-fake", "status:401")).post("/api/chat/completions").then().statusCode(502)
                .body("detail", containsString("Incorrect API key provided"));
    }

    @Test
    void rateLimitsAndServerErrorsAreReported() {
        socketFault("status:429", "Rate limit reached");
        socketFault("status:500", "HTTP 500");
        as(admin).body(body("gpt-fake", "status:429")).post("/api/chat/completions").then().statusCode(429)
                .body("detail", containsString("rate limiting"));
    }

    @Test
    void aStreamCutHalfWayKeepsTheTextThatArrived() {
        String chatId = socketFault("cut", "closed the connection").get(0).path("chat_id").asText();
        as(user).get("/api/v1/chats/" + chatId).then().body("chat.history.messages.m1.content", equalTo("Hello"));
        String text = as(admin).body(body("gpt-fake", "cut")).post("/api/chat/completions").then().statusCode(200)
                .extract().asString();
        assertTrue(text.contains("\"content\":\"lo\"") && text.contains("\"error\"") && text.trim().endsWith("[DONE]"), text);
    }

    @Test
    void malformedStreamsAndErrorChunksAreReported() {
        String chatId = socketFault("malformed", "malformed stream").get(0).path("chat_id").asText();
        as(user).get("/api/v1/chats/" + chatId).then().body("chat.history.messages.m1.content", equalTo("Hel"));
        socketFault("error-chunk", "The model is overloaded");
    }

    @Test
    void aSilentProviderTimesOut() {
        String chatId = socketFault("hang", "did not answer within 2 seconds").get(0).path("chat_id").asText();
        as(user).get("/api/v1/chats/" + chatId).then().body("chat.history.messages.m1.content", equalTo("Hel"));
    }

    @Test
    void anUnreachableProviderIsReported() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CompletionFixture.connect(admin, "http://127.0.0.1:" + port + "/v1");
        try {
            socketFault("hi", "Could not reach the model provider");
            as(admin).body(body("gpt-fake", "hi")).post("/api/chat/completions").then().statusCode(502)
                    .body("detail", containsString("Could not reach"));
        } finally {
            CompletionFixture.connect(admin, upstream.baseUrl());
        }
    }

    // ---- tasks ----------------------------------------------------------------------------

    @Test
    void tasksAreListedPerUserAndStoppedFromAnotherReplica() {
        String chatId = Chats.create(user, "long", 2);
        int aborted = upstream.aborted.get();
        String taskId = as(user).body(socketBody("helper", "slow", chatId, "m1")).post("/api/chat/completions")
                .then().statusCode(200).extract().path("task_id");
        tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:completion") && data(e).path("content").asText().length() >= 2
                && chatId.equals(e.path("chat_id").asText()));

        as(user).get("/api/tasks").then().statusCode(200).body("tasks", org.hamcrest.Matchers.hasItem(taskId));
        as(user).get("/api/tasks/chat/" + chatId).then().statusCode(200).body("task_ids", equalTo(List.of(taskId)));
        as(other).get("/api/tasks").then().statusCode(200).body("tasks", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(taskId)));
        as(other).get("/api/tasks/chat/" + chatId).then().statusCode(200).body("task_ids", equalTo(List.of()));
        as(other).post("/api/tasks/stop/" + taskId).then().statusCode(200).body("status", equalTo(false));
        assertEquals(aborted, upstream.aborted.get(), "another user's stop must not work");

        // another replica's stop: a plain publish on the commands channel, not through this instance's API
        redis.pubsub(String.class).publish(keys.taskCommandsChannel(),
                "{\"action\":\"stop\",\"task_id\":\"" + taskId + "\"}").await().indefinitely();
        tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:tasks:cancel") && chatId.equals(e.path("chat_id").asText()));
        Poll.until("the provider's request is aborted", () -> upstream.aborted.get() > aborted);
        as(user).get("/api/tasks/chat/" + chatId).then().body("task_ids", equalTo(List.of()));
        String saved = as(user).get("/api/v1/chats/" + chatId).then().extract().path("chat.history.messages.m1.content");
        assertTrue(saved.startsWith(".."), "the text that arrived is kept: " + saved);
    }

    @Test
    void theStopEndpointStopsTheUsersOwnTask() {
        String chatId = Chats.create(user, "stop", 2);
        int aborted = upstream.aborted.get();
        String taskId = as(user).body(socketBody("helper", "slow", chatId, "m1")).post("/api/chat/completions")
                .then().statusCode(200).extract().path("task_id");
        tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:completion") && chatId.equals(e.path("chat_id").asText()));
        as(user).post("/api/tasks/stop/" + taskId).then().statusCode(200).body("status", equalTo(true));
        tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:tasks:cancel") && chatId.equals(e.path("chat_id").asText()));
        Poll.until("the provider's request is aborted", () -> upstream.aborted.get() > aborted);
        as(user).post("/api/tasks/stop/" + taskId).then().statusCode(200).body("status", equalTo(false));
    }

    @Test
    void continuingAnAnswerKeepsItsTextInFrontOfWhatTheModelAdds() {
        String chatId = Chats.create(user, "continue", 1);
        Map<String, Object> body = requestBody("helper", "Tell me a story", chatId, true);
        body.put("messages", List.of(Map.of("role", "user", "content", "Tell me a story"),
                Map.of("role", "assistant", "content", "Once upon a time, ")));
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        List<String> contents = events.stream().filter(e -> EmitTap.isType(e, "chat:completion") && data(e).has("content"))
                .map(e -> data(e).path("content").asText()).toList();
        assertTrue(contents.stream().allMatch(c -> c.startsWith("Once upon a time, ")), contents.toString());
        assertEquals("Once upon a time, Hello world!", contents.get(contents.size() - 1));
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Once upon a time, Hello world!"));
    }
}
