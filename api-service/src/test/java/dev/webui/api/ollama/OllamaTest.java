package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.support.Chats;
import dev.webui.api.support.FakeOllama;
import dev.webui.api.support.Poll;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.webui.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native Ollama connections against three fake Ollama servers and one address nobody listens on:
 * URL 0 and 1 both serve {@code shared:latest}; URL 2 has the prefix {@code pfx}, tags and a
 * model_ids filter; URL 3 is unreachable.
 */
@QuarkusTest
@TestProfile(OllamaTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class OllamaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static FakeOllama a;
    static FakeOllama b;
    static FakeOllama c;
    static int deadPort;
    static TestUser admin;
    static TestUser user;
    static final List<JsonNode> emits = new CopyOnWriteArrayList<>();
    static Cancellable tap;

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;

    @BeforeAll
    static void start() throws Exception {
        a = new FakeOllama("0.12.3", "llama3:latest", "shared:latest", "hang:latest");
        b = new FakeOllama("0.11.10", "shared:latest");
        c = new FakeOllama("0.12.0", "llama3:latest", "other:latest");
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        if (tap != null) {
            tap.cancel();
        }
        a.close();
        b.close();
        c.close();
        admin = null;
    }

    @BeforeEach
    void connect() {
        if (admin != null) {
            return;
        }
        admin = TestUsers.create(Roles.ADMIN);
        user = TestUsers.create(Roles.USER);
        // nothing saved yet: OLLAMA_BASE_URL stands in for the list
        as(admin).get("/ollama/config").then().statusCode(200).body("OLLAMA_BASE_URLS", equalTo(List.of("http://127.0.0.1:9")));
        given().get("/ollama/").then().statusCode(200).body("status", equalTo(true));
        Map<String, Object> configs = new HashMap<>();
        configs.put("2", Map.of("enable", true, "prefix_id", "pfx", "tags", List.of(Map.of("name", "remote")),
                "model_ids", List.of("llama3:latest")));
        as(admin).body(Map.of("ENABLE_OLLAMA_API", true, "OLLAMA_BASE_URLS",
                        List.of(a.baseUrl(), b.baseUrl() + "/", c.baseUrl(), "http://127.0.0.1:" + deadPort),
                        "OLLAMA_API_CONFIGS", configs))
                .post("/ollama/config/update").then().statusCode(200)
                .body("OLLAMA_BASE_URLS[1]", equalTo(b.baseUrl()));
        // a public preset on llama3, a private one on shared: plain users see only the first
        preset("llama3:latest", null);
        preset("shared:latest", Map.of("read", Map.of("group_ids", List.of(), "user_ids", List.of()),
                "write", Map.of("group_ids", List.of(), "user_ids", List.of())));
        preset("brief-llama", "llama3:latest", Map.of("system", "Be brief.", "num_ctx", 8192, "keep_alive", "10m",
                "temperature", 0.2, "max_tokens", 64, "stream_response", true), null);
        tap = redis.pubsub(String.class).subscribe(keys.emitChannel()).subscribe().with(message -> {
            try {
                emits.add(JSON.readTree(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Poll.until("the emit channel subscription", () -> {
            redis.pubsub(String.class).publish(keys.emitChannel(), "{\"event\":\"probe\"}").await().indefinitely();
            return emits.stream().anyMatch(e -> "probe".equals(e.path("event").asText()));
        });
    }

    private static void preset(String id, Object accessControl) {
        preset(id, null, Map.of(), accessControl);
    }

    private static void preset(String id, String base, Map<String, Object> params, Object accessControl) {
        Map<String, Object> preset = new HashMap<>();
        preset.put("id", id);
        preset.put("base_model_id", base);
        preset.put("name", id);
        preset.put("meta", Map.of());
        preset.put("params", params);
        preset.put("access_control", accessControl);
        as(admin).body(preset).post("/api/v1/models/create").then().statusCode(200);
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.asString());
    }

    private static JsonNode model(JsonNode list, String id) {
        for (JsonNode m : list.path("data")) {
            if (id.equals(m.path("id").asText())) {
                return m;
            }
        }
        return null;
    }

    private static List<JsonNode> lines(String ndjson) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    // ---- model lists -------------------------------------------------------------------------

    @Test
    void tagsAreMergedIntoApiModelsWithPrefixIdsTagsAndServers() throws Exception {
        JsonNode models = json(as(admin).get("/api/models?refresh=true").then().statusCode(200).extract().response());
        JsonNode llama = model(models, "llama3:latest");
        assertEquals("ollama", llama.path("owned_by").asText());
        assertEquals("llama", llama.path("ollama").path("details").path("family").asText());
        assertEquals("[0]", llama.path("ollama").path("urls").toString());
        assertEquals("local", llama.path("connection_type").asText());
        assertEquals(1893456000L, llama.path("ollama").path("expires_at").asLong(), "loaded per /api/ps");
        assertFalse(model(models, "shared:latest").path("ollama").has("expires_at"));
        assertEquals("[0,1]", model(models, "shared:latest").path("ollama").path("urls").toString());
        JsonNode prefixed = model(models, "pfx.llama3:latest");
        assertEquals("[2]", prefixed.path("ollama").path("urls").toString());
        assertEquals("remote", prefixed.path("tags").path(0).path("name").asText());
        assertEquals(null, model(models, "pfx.other:latest"), "model_ids filters the connection's list");

        JsonNode tags = json(as(admin).get("/ollama/api/tags").then().statusCode(200).extract().response());
        List<String> names = new ArrayList<>();
        tags.path("models").forEach(m -> names.add(m.path("model").asText()));
        assertTrue(names.containsAll(List.of("llama3:latest", "shared:latest", "pfx.llama3:latest")), names.toString());
        // one server's own list, unprefixed
        as(admin).get("/ollama/api/tags/2").then().statusCode(200).body("models.model", equalTo(List.of("llama3:latest", "other:latest")));
        as(admin).get("/ollama/v1/models").then().statusCode(200).body("object", equalTo("list"))
                .body("data.id", org.hamcrest.Matchers.hasItem("pfx.llama3:latest"));
    }

    @Test
    void plainUsersSeeOnlyModelsTheyMayRead() throws Exception {
        JsonNode models = json(as(user).get("/api/models").then().statusCode(200).extract().response());
        assertTrue(model(models, "llama3:latest") != null);
        assertEquals(null, model(models, "shared:latest"));
        assertEquals(null, model(models, "pfx.llama3:latest"), "no preset: admins only");
        as(user).get("/ollama/api/tags").then().statusCode(200).body("models.model", equalTo(List.of("llama3:latest")));
    }

    @Test
    void versionIsTheLowestOfTheReachableServers() {
        as(user).get("/ollama/api/version").then().statusCode(200).body("version", equalTo("0.11.10"));
        as(user).get("/ollama/api/version/2").then().statusCode(200).body("version", equalTo("0.12.0"));
        as(admin).body(Map.of("url", c.baseUrl(), "key", "")).post("/ollama/verify").then().statusCode(200)
                .body("version", equalTo("0.12.0"));
    }

    // ---- chat and generate -------------------------------------------------------------------

    @Test
    void chatStreamsOllamasNdjsonWithThePrefixRemoved() throws Exception {
        int before = c.seen("/api/chat").size();
        Response response = as(admin).body(Map.of("model", "pfx.llama3:latest", "options", Map.of("num_ctx", 4096),
                "keep_alive", "5m", "messages", List.of(Map.of("role", "user", "content", "hi")))).post("/ollama/api/chat");
        response.then().statusCode(200).header("Content-Type", containsString("application/x-ndjson"));
        List<JsonNode> lines = lines(response.asString());
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.path("message").path("content").asText()));
        assertEquals("Hello from ollama", text.toString());
        assertTrue(lines.get(lines.size() - 1).path("done").asBoolean());
        FakeOllama.Seen sent = c.seen("/api/chat").get(before);
        assertEquals("llama3:latest", sent.body().getString("model"));
        assertEquals(4096, sent.body().getJsonObject("options").getInteger("num_ctx"), "Ollama's options pass through");
        assertEquals("5m", sent.body().getString("keep_alive"));

        as(admin).body(Map.of("model", "llama3", "prompt", "hi", "stream", false)).post("/ollama/api/generate")
                .then().statusCode(200).body("response", equalTo("Hello from ollama"));
        String sse = as(admin).body(Map.of("model", "pfx.llama3:latest", "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", "hi")))).post("/ollama/v1/chat/completions")
                .then().statusCode(200).header("Content-Type", containsString("text/event-stream")).extract().asString();
        assertTrue(sse.contains("\"content\":\" ollama\"") && sse.trim().endsWith("data: [DONE]"), sse);
        assertEquals("llama3:latest", c.seen("/v1/chat/completions").get(0).body().getString("model"));
    }

    @Test
    void aPresetsParamsAndSystemPromptApplyOnOllamasChat() {
        int before = a.seen("/api/chat").size();
        as(user).body(Map.of("model", "brief-llama", "stream", false, "options", Map.of("seed", 7),
                        "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/ollama/api/chat").then().statusCode(200).body("message.content", equalTo("Hello from ollama"));
        var sent = a.seen("/api/chat").get(before).body();
        assertEquals("llama3:latest", sent.getString("model"), "the preset's base model");
        assertEquals("10m", sent.getString("keep_alive"));
        var options = sent.getJsonObject("options");
        assertEquals(8192, options.getInteger("num_ctx"));
        assertEquals(64, options.getInteger("num_predict"), "max_tokens is Ollama's num_predict");
        assertEquals(0.2, options.getDouble("temperature"));
        assertEquals(7, options.getInteger("seed"), "the caller's options stay");
        assertFalse(options.containsKey("stream_response"), "Open WebUI-only params are dropped");
        assertEquals("system", sent.getJsonArray("messages").getJsonObject(0).getString("role"));
        assertEquals("Be brief.", sent.getJsonArray("messages").getJsonObject(0).getString("content"));

        int openAiBefore = a.seen("/v1/chat/completions").size();
        as(user).body(Map.of("model", "brief-llama", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/ollama/v1/chat/completions").then().statusCode(200);
        var openAi = a.seen("/v1/chat/completions").get(openAiBefore).body();
        assertEquals(0.2, openAi.getDouble("temperature"));
        assertEquals(64, openAi.getInteger("max_tokens"));
        assertEquals("Be brief.", openAi.getJsonArray("messages").getJsonObject(0).getString("content"));
    }

    @Test
    void twoServersOfTheSameModelBothAnswer() {
        int beforeA = a.seen("/api/chat").size();
        int beforeB = b.seen("/api/chat").size();
        for (int i = 0; i < 4; i++) {
            as(admin).body(Map.of("model", "shared", "stream", false, "messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .post("/ollama/api/chat").then().statusCode(200).body("message.content", equalTo("Hello from ollama"));
        }
        assertEquals(2, a.seen("/api/chat").size() - beforeA);
        assertEquals(2, b.seen("/api/chat").size() - beforeB);
    }

    @Test
    void completionsOfAModelTwoServersListAreSpreadOverBoth() {
        int beforeA = a.seen("/api/chat").size();
        int beforeB = b.seen("/api/chat").size();
        for (int i = 0; i < 4; i++) {
            as(admin).body(Map.of("model", "shared:latest", "stream", false, "messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .post("/api/chat/completions").then().statusCode(200).body("choices[0].message.content", equalTo("Hello from ollama"));
        }
        assertEquals(2, a.seen("/api/chat").size() - beforeA);
        assertEquals(2, b.seen("/api/chat").size() - beforeB);
    }

    @Test
    void usersAreRefusedModelsTheyMayNotRead() {
        Map<String, Object> body = Map.of("model", "shared:latest", "messages", List.of(Map.of("role", "user", "content", "hi")));
        as(user).body(body).post("/ollama/api/chat").then().statusCode(403).body("detail", equalTo("Model not found"));
        as(user).body(body).post("/ollama/v1/chat/completions").then().statusCode(403);
        as(user).body(Map.of("model", "shared:latest", "input", "x")).post("/ollama/api/embed").then().statusCode(403);
        as(user).body(body).post("/api/chat/completions").then().statusCode(400).body("detail", equalTo("Model not found"));
        as(user).body(Map.of("model", "llama3:latest", "stream", false, "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/ollama/api/chat").then().statusCode(200);
        as(user).body(Map.of("model", "llama3:latest", "input", List.of("a"))).post("/ollama/api/embed").then().statusCode(200)
                .body("embeddings[0][1]", equalTo(0.2f));
    }

    @Test
    void completionsOfOllamaModelsGoThroughOllamasNativeChatWithTheirOptions() throws Exception {
        int before = a.seen("/api/chat").size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "llama3:latest");
        body.put("messages", List.of(Map.of("role", "user", "content", "hi")));
        body.put("stream", true);
        body.put("temperature", 0.3);
        body.put("params", Map.of("num_ctx", 8192, "keep_alive", "10m", "mirostat", "2", "use_mmap", false,
                "max_tokens", 50, "stream_delta_chunk_size", 4));
        String text = as(admin).body(body).post("/api/chat/completions").then().statusCode(200)
                .header("Content-Type", containsString("text/event-stream")).extract().asString();
        assertTrue(text.contains("\"object\":\"chat.completion.chunk\"") && text.contains("\"content\":\"Hello\"")
                && text.contains("\"content\":\" ollama\""), text);
        assertTrue(text.contains("\"prompt_tokens\":11") && text.contains("\"total_tokens\":14"), "usage from Ollama's counters: " + text);
        assertTrue(text.trim().endsWith("data: [DONE]"), text);
        var sent = a.seen("/api/chat").get(before).body();
        assertEquals("llama3:latest", sent.getString("model"));
        assertEquals("10m", sent.getString("keep_alive"));
        assertEquals(8192, sent.getJsonObject("options").getInteger("num_ctx"));
        assertEquals(2, sent.getJsonObject("options").getInteger("mirostat"));
        assertEquals(50, sent.getJsonObject("options").getInteger("num_predict"));
        assertEquals(false, sent.getJsonObject("options").getBoolean("use_mmap"));
        assertEquals(0.3, sent.getJsonObject("options").getDouble("temperature"));
        assertFalse(sent.getJsonObject("options").containsKey("stream_delta_chunk_size"), sent.encode());
        assertEquals("hi", sent.getJsonArray("messages").getJsonObject(0).getString("content"));
    }

    @Test
    void aWholeAnswerFromOllamaComesBackInOpenAisShape() {
        Map<String, Object> body = Map.of("model", "llama3:latest", "stream", false,
                "messages", List.of(Map.of("role", "user", "content", "hi")));
        as(admin).body(body).post("/api/chat/completions").then().statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.content", equalTo("Hello from ollama"))
                .body("usage.completion_tokens", equalTo(3));
    }

    @Test
    void anOptionOllamaCannotTakeIsA400BeforeOllamaIsAsked() {
        int before = a.seen("/api/chat").size();
        Map<String, Object> body = Map.of("model", "llama3:latest", "stream", true, "params", Map.of("num_ctx", "plenty"),
                "messages", List.of(Map.of("role", "user", "content", "hi")));
        as(admin).body(body).post("/api/chat/completions").then().statusCode(400)
                .body("detail", containsString("num_ctx"));
        assertEquals(before, a.seen("/api/chat").size());
    }

    @Test
    void anErrorLineInTheMiddleOfOllamasStreamEndsTheAnswerWithThatError() {
        Map<String, Object> body = Map.of("model", "llama3:latest", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", FakeOllama.FAIL_MIDWAY)));
        String text = as(admin).body(body).post("/api/chat/completions").then().statusCode(200).extract().asString();
        assertTrue(text.contains("\"content\":\"Hello\""), text);
        assertTrue(text.contains("Ollama: model runner has unexpectedly stopped"), text);
        assertTrue(text.trim().endsWith("data: [DONE]"), text);
    }

    @Test
    void socketModeAnswersFromOllamaAndSavesTheAnswer() {
        String chatId = Chats.create(user, "first", 2);
        Map<String, Object> body = socketBody(chatId, "hi");
        body.put("params", Map.of());
        body.put("model_item", Map.of("id", "llama3:latest"));
        as(user).body(body).post("/api/chat/completions").then().statusCode(200).body("status", equalTo(true));
        Poll.until("the done event", () -> emits.stream().anyMatch(e -> chatId.equals(e.path("data").path("chat_id").asText())
                && e.path("data").path("data").path("data").path("done").asBoolean(false)));
        JsonNode done = emits.stream().filter(e -> chatId.equals(e.path("data").path("chat_id").asText())
                && e.path("data").path("data").path("data").path("done").asBoolean(false)).findFirst().orElseThrow();
        assertEquals("Hello from ollama", done.path("data").path("data").path("data").path("content").asText());
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Hello from ollama"))
                .body("chat.history.messages.m1.model", equalTo("llama3:latest"));
    }

    /** A socket-mode request for llama3 (answer m1 of the chat). */
    private static Map<String, Object> socketBody(String chatId, String question) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "llama3:latest");
        body.put("messages", List.of(Map.of("role", "user", "content", question)));
        body.put("stream", true);
        body.put("session_id", "sid-1");
        body.put("chat_id", chatId);
        body.put("id", "m1");
        return body;
    }

    @Test
    void aToolRoundThroughOllamaCallsTheToolAndHandsItsResultBack() {
        String chatId = Chats.create(admin, "tools", 2);
        int before = a.seen("/api/chat").size();
        Map<String, Object> body = socketBody(chatId, "add 2 and 3");
        body.put("tool_ids", List.of("test:math"));
        body.put("params", Map.of("function_calling", "native"));
        as(admin).body(body).post("/api/chat/completions").then().statusCode(200).body("status", equalTo(true));
        java.util.function.Predicate<JsonNode> finished = e -> chatId.equals(e.path("data").path("chat_id").asText())
                && "chat:completion".equals(e.path("data").path("data").path("type").asText())
                && e.path("data").path("data").path("data").path("done").asBoolean(false);
        Poll.until("the done event", () -> emits.stream().anyMatch(finished));
        String content = emits.stream().filter(finished).findFirst().orElseThrow().path("data").path("data").path("data").path("content").asText();
        List<FakeOllama.Seen> rounds = a.seen("/api/chat").subList(before, a.seen("/api/chat").size());
        assertTrue(content.contains("name=\"add\"") && content.endsWith("The sum is 5"), content + " after " + rounds);
        assertEquals(2, rounds.size(), rounds.toString());
        assertEquals("add", rounds.get(0).body().getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name"));
        var messages = rounds.get(1).body().getJsonArray("messages");
        var call = messages.getJsonObject(messages.size() - 2);
        assertEquals("assistant", call.getString("role"));
        assertEquals(3, call.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function").getJsonObject("arguments").getInteger("b"),
                "the arguments go back to Ollama as an object: " + call.encode());
        var result = messages.getJsonObject(messages.size() - 1);
        assertEquals("tool", result.getString("role"));
        assertEquals("5", result.getString("content"));
        as(admin).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", containsString("The sum is 5"));
    }

    // ---- management ----------------------------------------------------------------------------

    @Test
    void pullProgressIsStreamedLineByLine() throws Exception {
        Response response = as(admin).body(Map.of("name", "newmodel", "stream", true)).post("/ollama/api/pull/1");
        response.then().statusCode(200).header("Content-Type", containsString("application/x-ndjson"));
        List<JsonNode> lines = lines(response.asString());
        assertEquals(List.of(0, 50, 100), lines.stream().filter(l -> l.has("completed")).map(l -> l.get("completed").asInt()).toList());
        assertEquals("success", lines.get(lines.size() - 1).path("status").asText());
        FakeOllama.Seen sent = b.seen("/api/pull").get(b.seen("/api/pull").size() - 1);
        assertEquals("newmodel", sent.body().getString("model"));
        assertEquals(true, sent.body().getBoolean("insecure"));

        String created = as(admin).body(Map.of("model", "mine", "from", "llama3:latest")).post("/ollama/api/create")
                .then().statusCode(200).extract().asString();
        assertEquals("success", lines(created).get(lines(created).size() - 1).path("status").asText());
        assertEquals("llama3:latest", a.seen("/api/create").get(0).body().getString("from"));
        String pushed = as(admin).body(Map.of("model", "shared:latest")).delete("/ollama/api/push").then().statusCode(200)
                .extract().asString();
        assertEquals("success", lines(pushed).get(lines(pushed).size() - 1).path("status").asText());
        assertEquals("POST", a.seen("/api/push").get(0).method());
    }

    @Test
    void showDeleteCopyAndUnloadFindTheModelsServers() {
        as(admin).body(Map.of("name", "pfx.llama3:latest")).post("/ollama/api/show").then().statusCode(200)
                .body("modelfile", equalTo("FROM llama3:latest"));
        as(admin).body(Map.of("source", "llama3:latest", "destination", "copy:latest")).post("/ollama/api/copy")
                .then().statusCode(200).body(equalTo("true"));
        assertEquals("copy:latest", a.seen("/api/copy").get(0).body().getString("destination"));
        int unloadsA = a.seen("/api/generate").size();
        int unloadsB = b.seen("/api/generate").size();
        as(admin).body(Map.of("model", "shared")).post("/ollama/api/unload").then().statusCode(200).body("status", equalTo(true));
        assertEquals(1, a.seen("/api/generate").size() - unloadsA);
        assertEquals(1, b.seen("/api/generate").size() - unloadsB);
        as(admin).body(Map.of("name", "shared:latest")).delete("/ollama/api/delete/1").then().statusCode(200);
        assertEquals("DELETE", b.seen("/api/delete").get(0).method());
        as(admin).body(Map.of("name", "missing:latest")).delete("/ollama/api/delete/1").then().statusCode(404)
                .body("detail", equalTo("Ollama: model 'missing:latest' not found"));
        as(admin).body(Map.of("name", "nowhere")).delete("/ollama/api/delete").then().statusCode(400)
                .body("detail", containsString("nowhere"));
        as(admin).get("/ollama/api/ps").then().statusCode(200).body("models.model", org.hamcrest.Matchers.hasItem("pfx.llama3:latest"));
    }

    @Test
    void nonAdminsAreRefusedManagementRoutes() {
        int before = a.requests.size();
        Map<String, Object> body = Map.of("name", "llama3:latest", "model", "llama3:latest");
        as(user).body(body).post("/ollama/api/pull").then().statusCode(401);
        as(user).body(body).post("/ollama/api/create").then().statusCode(401);
        as(user).body(body).delete("/ollama/api/push").then().statusCode(401);
        as(user).body(body).delete("/ollama/api/delete").then().statusCode(401);
        as(user).body(Map.of("source", "a", "destination", "b")).post("/ollama/api/copy").then().statusCode(401);
        as(user).body(body).post("/ollama/api/unload").then().statusCode(401);
        as(user).get("/ollama/api/ps").then().statusCode(401);
        as(user).get("/ollama/config").then().statusCode(401);
        as(user).body(Map.of("url", a.baseUrl())).post("/ollama/verify").then().statusCode(401);
        as(user).body(Map.of("url", "https://huggingface.co/x/y.gguf")).post("/ollama/models/download").then().statusCode(401);
        given().header("Authorization", "Bearer " + user.token()).multiPart("file", "x.gguf", new byte[]{1, 2, 3})
                .post("/ollama/models/upload").then().statusCode(401);
        given().body("{\"model\":\"llama3:latest\",\"messages\":[]}").post("/ollama/api/chat").then().statusCode(403);
        assertEquals(before, a.requests.size(), "nothing reached Ollama");
    }

    // ---- failures ------------------------------------------------------------------------------

    @Test
    void unreachableOrSilentOllamaGivesADetail() {
        as(admin).get("/ollama/api/tags/3").then().statusCode(502).body("detail", containsString("Could not reach Ollama"));
        as(admin).get("/ollama/api/version/3").then().statusCode(502).body("detail", containsString("Could not reach Ollama"));
        as(admin).body(Map.of("model", "x", "messages", List.of())).post("/ollama/api/chat/3").then().statusCode(502)
                .body("detail", containsString("Could not reach Ollama"));
        as(admin).body(Map.of("name", "x")).post("/ollama/api/pull/3").then().statusCode(502);
        as(admin).body(Map.of("url", "http://127.0.0.1:" + deadPort)).post("/ollama/verify").then().statusCode(502);
        as(admin).body(Map.of("model", "hang", "prompt", "x", "stream", false)).post("/ollama/api/generate").then().statusCode(504)
                .body("detail", containsString("did not answer in time"));
        as(admin).body(Map.of("model", "x", "messages", "nope")).post("/ollama/api/chat").then().statusCode(400);
        as(admin).body("not json").post("/ollama/api/pull").then().statusCode(400);
        as(admin).get("/ollama/api/tags/9").then().statusCode(404);
    }

    @Test
    void aGgufUploadIsStreamedToTheBlobApiAndBecomesAModel() throws Exception {
        byte[] file = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(file);
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        String events = given().header("Authorization", "Bearer " + admin.token()).multiPart("file", "tiny.gguf", file)
                .post("/ollama/models/upload/1").then().statusCode(200).header("Content-Type", containsString("text/event-stream"))
                .extract().asString();
        List<JsonNode> data = new ArrayList<>();
        for (String line : events.split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(JSON.readTree(line.substring(6)));
            }
        }
        assertTrue(data.stream().anyMatch(d -> d.path("progress").asDouble() == 100.0), events);
        JsonNode last = data.get(data.size() - 1);
        assertTrue(last.path("done").asBoolean(), events);
        assertEquals(digest, last.path("blob").asText());
        assertEquals("tiny", last.path("model_created").asText());
        assertEquals(List.of((long) file.length), b.blobSizes);
        FakeOllama.Seen create = b.seen("/api/create").get(b.seen("/api/create").size() - 1);
        assertEquals("tiny", create.body().getString("model"));
        assertEquals(digest, create.body().getJsonObject("files").getString("tiny.gguf"));

        // the same file again: Ollama has the blob, nothing is sent twice
        String again = given().header("Authorization", "Bearer " + admin.token()).multiPart("file", "tiny.gguf", file)
                .post("/ollama/models/upload/1").then().statusCode(200).extract().asString();
        assertTrue(again.contains("\"done\":true"), again);
        assertEquals(1, b.blobSizes.size());
        assertFalse(b.seen("/api/blobs/" + digest).stream().filter(s -> s.method().equals("POST")).count() > 1);

        as(admin).body(Map.of("url", "https://example.com/x.gguf")).post("/ollama/models/download").then().statusCode(400)
                .body("detail", containsString("allowed hosts"));
    }
}
