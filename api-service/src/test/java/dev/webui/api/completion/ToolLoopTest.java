package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.chat.TestSql;
import dev.webui.api.support.Chats;
import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeBrowser;
import dev.webui.api.support.Poll;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tools in chat (docs/completions.md, "Tools in chat"): native rounds, the prompt-based mode, the browser's tools. */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ToolLoopTest extends CompletionTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile(
            "<details type=\"tool_calls\" done=\"true\" id=\"([^\"]*)\" name=\"([^\"]*)\" arguments=\"([^\"]*)\" result=\"([^\"]*)\" files=\"\" embeds=\"&quot;&quot;\">\n<summary>Tool Executed</summary>\n</details>");
    private static boolean toolsmith;

    @Override
    Map<String, Object> presetParams() {
        return Map.of();
    }

    @BeforeEach
    void presetWithTools() {
        TestTools.reset();
        if (!toolsmith) {
            // native function calling and the test tools, both from the preset
            Map<String, Object> preset = new HashMap<>();
            preset.put("id", "toolsmith");
            preset.put("base_model_id", CompletionFixture.MODEL);
            preset.put("name", "Toolsmith");
            preset.put("meta", Map.of("toolIds", List.of(TestTools.ID)));
            preset.put("params", Map.of("function_calling", "native"));
            preset.put("access_control", null);
            as(admin).body(preset).post("/api/v1/models/create").then().statusCode(200);
            toolsmith = true;
        }
    }

    private static Map<String, Object> nativeBody(String prompt, String chatId) {
        Map<String, Object> body = requestBody("helper", prompt, chatId, true);
        body.put("tool_ids", List.of(TestTools.ID));
        body.put("params", Map.of("function_calling", "native"));
        return body;
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    private static String done(String chatId) {
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        return data(events.stream().filter(EmitTap::isDone).findFirst().orElseThrow()).path("content").asText();
    }

    private static String saved(String chatId) {
        return as(user).get("/api/v1/chats/" + chatId).then().statusCode(200).extract().path("chat.history.messages.m1.content");
    }

    /** The upstream streaming requests whose last user message is {@code prompt}. */
    private static List<JsonObject> requestsFor(String prompt) {
        return upstream.requests.stream().filter(r -> r.getBoolean("stream", false)).filter(r -> {
            JsonArray messages = r.getJsonArray("messages");
            for (int i = messages.size() - 1; i >= 0; i--) {
                if ("user".equals(messages.getJsonObject(i).getString("role"))) {
                    return prompt.equals(messages.getJsonObject(i).getValue("content"));
                }
            }
            return false;
        }).toList();
    }

    /** What the stock UI reads from a block: its attributes unescaped, arguments and result parsed as JSON strings. */
    private static List<String[]> blocks(String content) throws Exception {
        List<String[]> blocks = new CopyOnWriteArrayList<>();
        Matcher matcher = BLOCK.matcher(content);
        while (matcher.find()) {
            blocks.add(new String[]{matcher.group(1), matcher.group(2),
                    JSON.readTree(unescape(matcher.group(3))).textValue(), JSON.readTree(unescape(matcher.group(4))).textValue()});
        }
        return blocks;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void aPresetsToolIsCalledNativelyOverTwoRoundsAndTheBlockSurvivesAReload() throws Exception {
        int before = requestsFor("tools:add").size();
        String chatId = Chats.create(user, "two rounds", 2);
        Map<String, Object> body = requestBody("toolsmith", "tools:add", chatId, true);
        as(user).body(body).post("/api/chat/completions").then().statusCode(200).body("status", equalTo(true));
        String content = done(chatId);

        assertTrue(content.startsWith("Let me add.\n<details type=\"tool_calls\""), content);
        assertTrue(content.endsWith("</details>\nRead: 5"), content);
        List<String[]> blocks = blocks(content);
        assertEquals(1, blocks.size(), content);
        assertEquals("call_0_0", blocks.get(0)[0]);
        assertEquals("add", blocks.get(0)[1]);
        assertEquals(2, JSON.readTree(blocks.get(0)[2]).path("a").asInt(), "the streamed fragments assembled");
        assertEquals("5", blocks.get(0)[3]);
        assertEquals(content, saved(chatId), "a reload shows what was streamed");

        List<JsonObject> rounds = requestsFor("tools:add");
        rounds = rounds.subList(before, rounds.size());
        assertEquals(2, rounds.size());
        JsonObject tool = rounds.get(0).getJsonArray("tools").getJsonObject(0);
        assertEquals("function", tool.getString("type"));
        assertEquals("add", tool.getJsonObject("function").getString("name"));
        JsonArray next = rounds.get(1).getJsonArray("messages");
        JsonObject assistant = next.getJsonObject(next.size() - 2);
        assertEquals("assistant", assistant.getString("role"));
        assertEquals("Let me add.", assistant.getString("content"));
        JsonObject call = assistant.getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("call_0_0", call.getString("id"));
        assertEquals(new JsonObject().put("a", 2).put("b", 3), new JsonObject(call.getJsonObject("function").getString("arguments")));
        JsonObject result = next.getJsonObject(next.size() - 1);
        assertEquals("tool", result.getString("role"));
        assertEquals("call_0_0", result.getString("tool_call_id"));
        assertEquals("5", result.getString("content"));
        assertEquals(List.of(user.id()), TestTools.callers, "tools run as the caller");

        // usage of both rounds: 11 prompt tokens each, 4 then 2 completion tokens
        List<JsonNode> events = tap.chatEvents(chatId, "m1");
        JsonNode lastUsage = events.stream().filter(e -> data(e).has("usage")).reduce((a, b) -> b).orElseThrow();
        assertEquals(22, data(lastUsage).path("usage").path("prompt_tokens").asInt());
        Poll.until("a usage row", () -> !TestSql.strings("SELECT prompt_tokens || '/' || completion_tokens FROM completion_usage "
                + "WHERE chat_id = ?", chatId).isEmpty());
        assertEquals(List.of("22/6"), TestSql.strings("SELECT prompt_tokens || '/' || completion_tokens FROM completion_usage "
                + "WHERE chat_id = ?", chatId));
    }

    @Test
    void callsOfOneRoundRunTogetherAndTheirCitationsAreKept() throws Exception {
        String chatId = Chats.create(user, "parallel", 2);
        as(user).body(nativeBody("tools:parallel", chatId)).post("/api/chat/completions").then().statusCode(200);
        String content = done(chatId);
        // meet a and meet b only answer once both run at the same time
        assertTrue(content.endsWith("Read: met a | Paris is the capital of France. | met b"), content);
        List<String[]> blocks = blocks(content);
        assertEquals(List.of("meet", "lookup", "meet"), blocks.stream().map(b -> b[1]).toList());
        assertEquals(List.of("call_0_0", "call_0_1", "call_0_2"), blocks.stream().map(b -> b[0]).toList());

        List<JsonNode> events = tap.chatEvents(chatId, "m1");
        assertTrue(events.stream().anyMatch(e -> EmitTap.isType(e, "source")
                && "atlas".equals(data(e).path("source").path("id").asText())), "the tool's citation is emitted");
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.sources[0].source.id", equalTo("atlas"));
    }

    @Test
    void aFailingToolIsReadByTheModel() throws Exception {
        String chatId = Chats.create(user, "failing", 2);
        as(user).body(nativeBody("tools:fail", chatId)).post("/api/chat/completions").then().statusCode(200);
        String content = done(chatId);
        assertTrue(content.endsWith("Read: The database is unreachable"), content);
        assertEquals("The database is unreachable", blocks(content).get(0)[3]);
        assertEquals("{}", blocks(content).get(0)[2], "no arguments are sent back as an empty object");
    }

    @Test
    void roundsStopAtTheLimit() throws Exception {
        String chatId = Chats.create(user, "loop", 2);
        as(user).body(nativeBody("tools:loop", chatId)).post("/api/chat/completions").then().statusCode(200);
        String content = done(chatId);
        // CHAT_RESPONSE_MAX_TOOL_CALL_RETRIES=3: three rounds of calls, then the fourth round's answer ends it
        assertEquals(3, blocks(content).size(), content);
        assertEquals(4, requestsFor("tools:loop").size());
        assertEquals(3, TestTools.received.size());
    }

    @Test
    void aStopDuringAToolCallEndsTheAnswerAndKeepsItsText() {
        String chatId = Chats.create(user, "stopped", 2);
        int started = TestTools.slowStarted.get();
        int cancelled = TestTools.slowCancelled.get();
        String taskId = as(user).body(nativeBody("tools:slow", chatId)).post("/api/chat/completions").then().statusCode(200)
                .extract().path("task_id");
        Poll.until("the slow tool runs", () -> TestTools.slowStarted.get() > started);
        tap.awaitEvent(chatId, "m1", e -> data(e).path("content").asText().equals("Waiting.\n<details type=\"tool_calls\" done=\"false\" "
                + "id=\"call_0_0\" name=\"slow\" arguments=\"&quot;{}&quot;\">\n<summary>Executing...</summary>\n</details>"));
        as(user).post("/api/tasks/stop/" + taskId).then().statusCode(200).body("status", equalTo(true));
        tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:tasks:cancel"));
        Poll.until("the tool call is cancelled", () -> TestTools.slowCancelled.get() > cancelled);
        Poll.until("the partial answer is saved", () -> "Waiting.".equals(saved(chatId)));
        assertEquals(1, requestsFor("tools:slow").size(), "no round after a stop");
        assertTrue(tap.chatEvents(chatId, "m1").stream().noneMatch(EmitTap::isDone));
    }

    @Test
    void withoutNativeCallingTheTaskModelPicksTheCallsBeforeTheAnswer() {
        String chatId = Chats.create(user, "prompted", 2);
        Map<String, Object> body = requestBody("helper", "prompted-add please", chatId, true);
        body.put("tool_ids", List.of(TestTools.ID));
        int before = upstream.requests.size();
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        assertEquals("Hello world!", done(chatId));

        assertEquals(List.of("add {\"a\":2,\"b\":3}"), TestTools.received, "only the declared parameters reach the tool");
        JsonObject main = upstream.requests.subList(before, upstream.requests.size()).stream()
                .filter(r -> r.getBoolean("stream", false)).findFirst().orElseThrow();
        assertFalse(main.containsKey("tools"));
        JsonArray messages = main.getJsonArray("messages");
        assertEquals("prompted-add please\n\nTool `test:math/add` Output: 5", messages.getJsonObject(messages.size() - 1).getString("content"));
        assertTrue(messages.getJsonObject(0).getString("content").contains("<source id=\"1\" name=\"test:math/add\">5</source>"),
                messages.getJsonObject(0).getString("content"));
        List<JsonNode> events = tap.chatEvents(chatId, "m1");
        assertTrue(events.stream().anyMatch(e -> "test:math/add".equals(data(e).path("sources").path(0).path("source").path("name").asText())));
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.sources[0].tool_result", equalTo(true))
                .body("chat.history.messages.m1.sources[0].metadata[0].parameters.a", equalTo(2));
    }

    @Test
    void theBrowsersOwnToolServersAreRunOverTheSocket() throws Exception {
        try (FakeBrowser browser = new FakeBrowser(keys.callChannel(),
                call -> List.of(Map.of("temp", 21), Map.of("content-type", "application/json")))) {
            String chatId = Chats.create(user, "browser", 2);
            Map<String, Object> body = requestBody("helper", "tools:browser", chatId, true);
            body.put("params", Map.of("function_calling", "native"));
            body.put("tool_servers", List.of(Map.of("url", "http://tools.example", "info", Map.of("title", "Weather"),
                    "specs", List.of(Map.of("name", "weather", "description", "The weather of a city",
                            "parameters", Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))))));
            as(user).body(body).post("/api/chat/completions").then().statusCode(200);
            String content = done(chatId);
            assertTrue(content.endsWith("Read: {\"temp\":21}"), content);
            JsonNode call = browser.calls.stream().filter(c -> "chat-events".equals(c.path("event").asText())).findFirst().orElseThrow();
            assertEquals("sid-1", call.path("sid").asText());
            JsonNode execute = call.path("data").path("data");
            assertEquals("execute:tool", execute.path("type").asText());
            assertEquals("weather", execute.path("data").path("name").asText());
            assertEquals("Paris", execute.path("data").path("params").path("city").asText());
            assertEquals("sid-1", execute.path("data").path("session_id").asText());
            assertEquals("http://tools.example", execute.path("data").path("server").path("url").asText());
            assertFalse(execute.path("data").path("server").has("specs"));
            assertEquals(chatId, call.path("data").path("chat_id").asText());
            assertEquals("m1", call.path("data").path("message_id").asText());
        }
    }

    @Test
    void aToolLookupThatFailsLeavesTheAnswerWithoutTools() {
        String chatId = Chats.create(user, "no tools", 2);
        Map<String, Object> body = requestBody("helper", "hi", chatId, true);
        body.put("tool_ids", List.of(TestTools.DOWN));
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        assertEquals("Hello world!", done(chatId));
        assertTrue(tap.chatEvents(chatId, "m1").stream().anyMatch(e -> EmitTap.isType(e, "status")
                && "tool_calls".equals(data(e).path("action").asText()) && data(e).path("error").asBoolean()));
    }

    @Test
    void sseCallersGetTheToolCallsAsTheProviderSentThem() {
        int before = requestsFor("tools:add").size();
        Map<String, Object> body = requestBody("toolsmith", "tools:add", null, false);
        String text = as(user).body(body).post("/api/chat/completions").then().statusCode(200).extract().asString();
        assertTrue(text.contains("\"tool_calls\""), text);
        assertTrue(text.contains("\"finish_reason\":\"tool_calls\""), text);
        assertTrue(text.trim().endsWith("data: [DONE]"), text);
        assertEquals(before + 1, requestsFor("tools:add").size(), "no loop outside socket mode, as in Open WebUI");
        assertNotNull(text);
    }
}
