package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step of {@link SuiteThroughGatewayIT}: a Pipelines server behind the gateway. The admin adds
 * {@link FakePipelines} as a second OpenAI connection; Admin > Pipelines lists it, reads its
 * pipelines and the filter's valves, and changes a valve. Bob then chats with the model the filter
 * watches: the request that reaches the provider carries what the inlet made of it (with the valve
 * just set), and {@code /api/chat/completed} answers what the outlet made of the finished
 * exchange. The original connections are put back at the end.
 */
final class PipelinesStep {
    private static final String QUESTION = "Is this message screened?";
    private static final String PREFIX = "[screened]";

    private final SuiteParts parts;
    private final FakeOpenAi upstream;
    private final Gateway admin;
    private final Gateway bob;

    PipelinesStep(SuiteParts parts) {
        this.parts = parts;
        this.upstream = parts.upstream();
        this.admin = parts.admin();
        this.bob = parts.bob();
    }

    void run() throws Exception {
        Gateway.Response before = admin.get("/openai/config");
        assertEquals(200, before.status(), before.toString());
        try (FakePipelines pipes = new FakePipelines(); AutoCloseable open = parts.openToEveryone(FakeOpenAi.ECHO)) {
            addConnection(before.json(), pipes);
            int idx = before.json().path("OPENAI_API_BASE_URLS").size();
            adminPage(pipes, idx);
            chatThroughTheFilter(pipes);
        } finally {
            Gateway.Response restored = admin.post("/openai/config/update", before.json());
            assertEquals(200, restored.status(), restored.toString());
        }
    }

    private void addConnection(JsonNode config, FakePipelines pipes) {
        ObjectNode changed = config.deepCopy();
        ((ArrayNode) changed.get("OPENAI_API_BASE_URLS")).add(pipes.baseUrl());
        ((ArrayNode) changed.get("OPENAI_API_KEYS")).add(FakePipelines.KEY);
        ObjectNode configs = changed.path("OPENAI_API_CONFIGS").isObject() ? (ObjectNode) changed.get("OPENAI_API_CONFIGS")
                : changed.putObject("OPENAI_API_CONFIGS");
        configs.putObject(String.valueOf(config.path("OPENAI_API_BASE_URLS").size())).put("enable", true);
        Gateway.Response saved = admin.post("/openai/config/update", changed);
        assertEquals(200, saved.status(), saved.toString());
    }

    private void adminPage(FakePipelines pipes, int idx) throws InterruptedException {
        Gateway.Response list = SuiteParts.onEveryReplica(() -> {
            Gateway.Response listed = admin.get("/api/v1/pipelines/list");
            return listed.json().path("data").size() > 0 ? listed : new Gateway.Response(0, listed.body(), listed.headers());
        }, "every replica lists the new Pipelines server");
        assertEquals(1, list.json().path("data").size(), "only the Pipelines server is listed: " + list);
        assertEquals(pipes.baseUrl(), list.json().path("data").path(0).path("url").asText());
        assertEquals(idx, list.json().path("data").path(0).path("idx").asInt());
        assertEquals(401, bob.get("/api/v1/pipelines/list").status(), "admins only");

        Gateway.Response pipelines = admin.get("/api/v1/pipelines/?urlIdx=" + idx);
        assertEquals(FakePipelines.FILTER, pipelines.json().path("data").path(0).path("id").asText(), pipelines.toString());
        String valves = "/api/v1/pipelines/" + FakePipelines.FILTER + "/valves";
        assertEquals("[guarded]", admin.get(valves + "?urlIdx=" + idx).json().path("prefix").asText());
        assertEquals("string", admin.get(valves + "/spec?urlIdx=" + idx).json().path("properties").path("prefix").path("type").asText());
        Gateway.Response updated = admin.post(valves + "/update?urlIdx=" + idx, Map.of("prefix", PREFIX));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(PREFIX, admin.get(valves + "?urlIdx=" + idx).json().path("prefix").asText(), "the valve is read back");
        assertEquals(PREFIX, pipes.prefix(), "the server holds the new valve");
        assertEquals(401, bob.post(valves + "/update?urlIdx=" + idx, Map.of("prefix", "mine")).status());

        List<String> models = new ArrayList<>();
        bob.get("/api/models").json().path("data").forEach(m -> models.add(m.path("id").asText()));
        assertTrue(models.contains(FakeOpenAi.ECHO) && !models.contains(FakePipelines.FILTER), "a filter is no model to chat with: " + models);
    }

    private void chatThroughTheFilter(FakePipelines pipes) throws Exception {
        String bobId = bob.get("/api/v1/auths/").json().path("id").asText();
        String sid = parts.sockets().connect("bob-pipelines", parts.suite().gatewayUrl(), bob.token());
        GatewayChat.Exchange exchange = new GatewayChat(parts.sockets(), bob, "bob-pipelines", sid).ask(FakeOpenAi.ECHO, QUESTION, Map.of());

        String filtered = PREFIX + " " + QUESTION;
        JsonNode sent = upstream.completions().stream().filter(r -> r.path("stream").asBoolean(false)
                && FakeOpenAi.lastUserText(r).endsWith(QUESTION)).reduce((a, b) -> b).orElseThrow();
        assertEquals(filtered, FakeOpenAi.lastUserText(sent), "the provider gets what the inlet made of the request");
        assertFalse(sent.has("metadata"), "the filter's metadata stays with us: " + sent);
        assertTrue(exchange.answer().contains("You said: **" + filtered + "**"), exchange.answer());
        JsonNode inlet = pipes.inlets().stream().filter(c -> c.path("body").path("metadata").path("chat_id").asText().equals(exchange.chat()))
                .findFirst().orElseThrow(() -> new AssertionError("no inlet call for the chat: " + pipes.inlets()));
        assertEquals(bobId, inlet.path("user").path("id").asText());
        assertEquals("user", inlet.path("user").path("role").asText());

        Map<String, Object> completed = Map.of("model", FakeOpenAi.ECHO, "chat_id", exchange.chat(), "id", exchange.assistant(), "session_id", sid,
                "messages", List.of(Map.of("id", UUID.randomUUID().toString(), "role", "user", "content", QUESTION),
                        Map.of("id", exchange.assistant(), "role", "assistant", "content", exchange.answer())));
        Gateway.Response outlet = bob.post("/api/chat/completed", completed);
        assertEquals(200, outlet.status(), outlet.toString());
        assertEquals(exchange.answer() + FakePipelines.OUTLET_MARK, outlet.json().path("messages").path(1).path("content").asText(),
                "the UI gets what the outlet made of the answer");
        assertEquals(bobId, pipes.outlets().get(pipes.outlets().size() - 1).path("user").path("id").asText());
        Map<String, Object> foreign = new java.util.HashMap<>(completed);
        foreign.put("chat_id", UUID.randomUUID().toString());
        assertEquals(404, bob.post("/api/chat/completed", foreign).status(), "only for the caller's own chat");
    }
}
