package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.support.Chats;
import dev.webui.api.support.FakeBrowser;
import dev.webui.api.support.Poll;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.webui.api.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Direct connections (docs/direct-connections.md): a model of the user's own connections is answered by
 * their browser over the socket (the bridge's listening calls, played here by {@link FakeBrowser} on
 * Redis), in socket, SSE and JSON modes, behind the admin's switch.
 */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class DirectConnectionTest extends CompletionTestBase {
    private static final String MODEL = "mine.gpt-direct";

    @Override
    Map<String, Object> presetParams() {
        return Map.of();
    }

    @AfterEach
    void switchOff() {
        enable(false);
    }

    private static void enable(boolean on) {
        as(admin).body(Map.of("ENABLE_DIRECT_CONNECTIONS", on, "ENABLE_BASE_MODELS_CACHE", false))
                .post("/api/v1/configs/connections").then().statusCode(200);
    }

    private static Map<String, Object> directBody(String prompt, String chatId, boolean socket) {
        Map<String, Object> body = requestBody(MODEL, prompt, chatId, socket);
        body.put("model_item", Map.of("id", MODEL, "name", "GPT direct", "urlIdx", 0, "direct", true, "openai", Map.of("id", "gpt-direct")));
        return body;
    }

    private static Map<String, Object> chunk(String content) {
        return Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of("content", content))));
    }

    /** A browser that acks and streams "Hel" (as the stock UI does, a line of text), "lo" (an object), then the end. */
    private FakeBrowser streaming() throws Exception {
        return new FakeBrowser(keys.callChannel(), call -> Map.of("status", true), (call, stream) -> {
            stream.item("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}");
            stream.item(chunk("lo"));
            stream.item(Map.of("choices", List.of(), "usage", Map.of("prompt_tokens", 3, "completion_tokens", 2, "total_tokens", 5)));
            stream.item("data: [DONE]");
            stream.item(Map.of("done", true));
        });
    }

    private String done(String chatId) {
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        return events.stream().filter(EmitTap::isDone).findFirst().orElseThrow().path("data").path("data").path("content").asText();
    }

    private String error(String chatId) {
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:message:error"));
        return events.stream().filter(e -> EmitTap.isType(e, "chat:message:error")).findFirst().orElseThrow()
                .path("data").path("data").path("error").path("content").asText();
    }

    @Test
    void refusedWhileTheAdminSwitchIsOff() {
        as(user).body(directBody("hi", null, true)).post("/api/chat/completions").then().statusCode(403)
                .body("detail", equalTo("Direct connections are disabled"));
        enable(true);
        as(user).body(directBody("hi", null, false)).post("/api/chat/completions").then().statusCode(400)
                .body("detail", containsString("session_id"));
    }

    @Test
    void aSocketModeAnswerComesFromTheBrowserAndIsSavedWithItsTitle() throws Exception {
        enable(true);
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> {
            JsonNode request = call.path("data").path("data").path("data");
            if (request.path("form_data").path("stream").asBoolean()) {
                return Map.of("status", true);
            }
            // a background task asked without streaming: the ack is the answer
            return Map.of("choices", List.of(Map.of("message", Map.of("role", "assistant", "content", "{\"title\": \"Greeting talk\"}"))));
        }, (call, stream) -> {
            stream.item("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}");
            stream.item(chunk("lo"));
            stream.item("data: [DONE]");
            stream.item(Map.of("done", true));
        })) {
            String chatId = Chats.create(user, "direct", 2);
            Map<String, Object> body = directBody("hello there", chatId, true);
            body.put("background_tasks", Map.of("title_generation", true));
            as(user).body(body).post("/api/chat/completions").then().statusCode(200).body("status", equalTo(true));
            assertEquals("Hello", done(chatId));
            Poll.until("the answer is saved", () -> "Hello".equals(as(user).get("/api/v1/chats/" + chatId).then().extract()
                    .path("chat.history.messages.m1.content")));

            JsonNode call = browser.calls.get(0);
            assertEquals("chat-events", call.path("event").asText());
            assertEquals("sid-1", call.path("sid").asText());
            JsonNode event = call.path("data");
            assertEquals(chatId, event.path("chat_id").asText());
            assertEquals("request:chat:completion", event.path("data").path("type").asText());
            JsonNode request = event.path("data").path("data");
            String channel = request.path("channel").asText();
            assertTrue(channel.startsWith(user.id() + ":sid-1:"), channel);
            assertEquals(channel, call.path("listen").asText(), "the bridge is asked to forward that channel");
            assertEquals("sid-1", request.path("session_id").asText());
            assertEquals(MODEL, request.path("form_data").path("model").asText());
            assertEquals("hello there", request.path("form_data").path("messages").path(0).path("content").asText());
            assertFalse(request.path("form_data").has("model_item"), "Open WebUI's own fields stay out of the form");
            assertEquals(0, request.path("model").path("urlIdx").asInt());
            assertTrue(upstream.requests.stream().noneMatch(r -> MODEL.equals(r.getString("model"))), "no provider was asked");

            Poll.until("the title is asked of the browser and saved", () -> "Greeting talk".equals(
                    as(user).get("/api/v1/chats/" + chatId).then().extract().path("title")));
            JsonNode titleCall = browser.calls.stream().filter(c -> !c.path("data").path("data").path("data").path("form_data")
                    .path("stream").asBoolean(true)).findFirst().orElseThrow();
            assertTrue(titleCall.path("listen").asText().startsWith(user.id() + ":sid-1:"),
                    "a whole answer still names a channel of the caller's session, which the bridge checks");
            Poll.until("the finished stream is released", () -> browser.releases.contains(call.path("id").asText()));
        }
    }

    @Test
    void sseAndJsonCallersGetTheBrowsersAnswer() throws Exception {
        enable(true);
        try (FakeBrowser browser = streaming()) {
            String text = as(user).body(directBody("hi", null, true)).post("/api/chat/completions").then().statusCode(200)
                    .extract().asString();
            assertTrue(text.contains("\"content\":\"Hel\""), text);
            assertTrue(text.contains("\"content\":\"lo\""), text);
            assertTrue(text.trim().endsWith("data: [DONE]"), text);
        }
        Map<String, Object> answer = Map.of("id", "x", "object", "chat.completion",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", "Whole"))));
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> answer)) {
            Map<String, Object> body = directBody("hi", null, true);
            body.put("stream", false);
            as(user).body(body).post("/api/chat/completions").then().statusCode(200)
                    .body("choices[0].message.content", equalTo("Whole"));
        }
    }

    @Test
    void theBrowsersFailuresEndTheRequestWithAClearError() throws Exception {
        enable(true);
        // the endpoint refused: the browser answers with its error instead of a go-ahead
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> Map.of("error", Map.of("message", "Incorrect API key")))) {
            as(user).body(directBody("hi", null, true)).post("/api/chat/completions").then().statusCode(502)
                    .body("detail", equalTo("The direct connection failed: Incorrect API key"));
        }
        // no ack at all (the tab is gone): the request ends after the timeout
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> FakeBrowser.SILENT)) {
            as(user).body(directBody("hi", null, true)).post("/api/chat/completions").then().statusCode(504)
                    .body("detail", containsString("did not start the answer"));
            String chatId = Chats.create(user, "no ack", 2);
            as(user).body(directBody("hi", chatId, true)).post("/api/chat/completions").then().statusCode(200);
            assertTrue(error(chatId).contains("did not start the answer"));
        }
        // an ack, one chunk, then silence: the stream ends with an error, the text so far is kept
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> Map.of("status", true),
                (call, stream) -> stream.item(chunk("partial")))) {
            String chatId = Chats.create(user, "silent", 2);
            as(user).body(directBody("hi", chatId, true)).post("/api/chat/completions").then().statusCode(200);
            assertTrue(error(chatId).contains("stopped sending"), "the silence is reported");
            Poll.until("the partial text is kept", () -> "partial".equals(as(user).get("/api/v1/chats/" + chatId).then().extract()
                    .path("chat.history.messages.m1.content")));
        }
        // the socket went away mid-answer: the bridge says so
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> Map.of("status", true), (call, stream) -> {
            stream.item(chunk("cut"));
            stream.end("disconnected");
        })) {
            String text = as(user).body(directBody("hi", null, true)).post("/api/chat/completions").then().statusCode(200)
                    .extract().asString();
            assertTrue(text.contains("went away before the answer was complete"), text);
        }
    }

    @Test
    void aStopEndsTheAnswerAndReleasesTheStream() throws Exception {
        enable(true);
        CountDownLatch stopped = new CountDownLatch(1);
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(), call -> Map.of("status", true), (call, stream) -> {
            stream.item(chunk("still"));
            Thread later = new Thread(() -> {
                try {
                    // an endpoint still thinking sends keep-alive comments, so only the stop (however
                    // slow the machine) ends this answer, never the 2-second silence limit of the profile
                    for (int i = 0; i < 120 && !stopped.await(500, TimeUnit.MILLISECONDS); i++) {
                        stream.item(": keep-alive");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stream.item(chunk(" more")); // after the stop: not wanted any more
            });
            later.setDaemon(true);
            later.start();
        })) {
            String chatId = Chats.create(user, "stop", 2);
            String taskId = as(user).body(directBody("hi", chatId, true)).post("/api/chat/completions").then().statusCode(200)
                    .extract().path("task_id");
            tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:completion") && "still".equals(e.path("data").path("data")
                    .path("content").asText()));
            as(other).post("/api/tasks/stop/" + taskId).then().statusCode(200).body("status", equalTo(false));
            as(user).post("/api/tasks/stop/" + taskId).then().statusCode(200).body("status", equalTo(true));
            tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:tasks:cancel"));
            String callId = browser.calls.get(0).path("id").asText();
            Poll.until("the bridge is told to stop forwarding", () -> browser.releases.contains(callId));
            stopped.countDown();
            await("nothing is added after the stop").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                    .until(() -> "still".equals(as(user).get("/api/v1/chats/" + chatId).then().extract()
                            .path("chat.history.messages.m1.content")));
        }
    }
}
