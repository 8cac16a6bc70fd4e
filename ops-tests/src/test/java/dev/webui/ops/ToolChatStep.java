package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step of {@link SuiteThroughGatewayIT}: tools in chat, end to end. The admin saves an OpenAPI tool
 * server of the test's own and the real MCP reference server (once open to every user, once private,
 * granted to nobody); Bob chats through the gateway with a real socket.io client while the fake model
 * answers with {@code tool_calls} rounds in OpenAI's streamed format. Proved: an answer that needs two
 * tool rounds (both tools really called, the model reads their results), a failing tool whose error
 * the model reads, a slow tool stopped by the user with the answer so far kept, the MCP server killed
 * and restarted and a call after it working, and no function of the private server for Bob. Each
 * answer's tool-call blocks are the same in the socket's events and in the chat read back.
 */
final class ToolChatStep {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern BLOCK = Pattern.compile("<details type=\"tool_calls\"[^>]*>");
    private static final String TWO_ROUNDS = "What is 2 + 3, said back to me?";
    private static final String FAILING = "Check the broken tool";
    private static final String SLOW = "Ask the slow tool";
    private static final String WHILE_DOWN = "Echo while the server is away";
    private static final String AFTER_RESTART = "Echo after the restart";
    private static final String PRIVATE = "Use the private server";
    private static final JsonNode NOBODY = Gateway.JSON.valueToTree(Map.of(
            "read", Map.of("group_ids", List.of(), "user_ids", List.of()), "write", Map.of("group_ids", List.of(), "user_ids", List.of())));

    private final LocalSuite suite;
    private final SocketClients sockets;
    private final FakeOpenAi upstream;
    private final Gateway admin;
    private final Gateway bob;
    private String bobSid;

    ToolChatStep(LocalSuite suite, SocketClients sockets, FakeOpenAi upstream, Gateway admin, Gateway bob) {
        this.suite = suite;
        this.sockets = sockets;
        this.upstream = upstream;
        this.admin = admin;
        this.bob = bob;
    }

    void run() throws Exception {
        upstream.scriptTools(ToolChatStep::script);
        try (FakeToolServer tools = new FakeToolServer(); EverythingMcp mcp = new EverythingMcp()) {
            saveServers(tools, mcp);
            bobSid = sockets.connect("bob-tools", suite.gatewayUrl(), bob.token());

            Answer sum = ask(TWO_ROUNDS, "server:opsapi", "server:mcp:opsmcp");
            String both = "Both tools answered: Echo: sum is {\"sum\": 5}";
            assertTrue(sum.content().endsWith(both), sum.content());
            assertEquals(List.of("add", "opsmcp_echo"), names(sum.blocks()), sum.content());
            assertTrue(tools.calls().contains("add {\"a\":2,\"b\":3}"), "the OpenAPI tool was called: " + tools.calls());
            List<JsonNode> rounds = requests(TWO_ROUNDS);
            assertEquals(3, rounds.size(), "two tool rounds, then the answer: " + rounds);
            List<String> offered = new ArrayList<>();
            rounds.get(0).path("tools").forEach(t -> offered.add(t.path("function").path("name").asText()));
            assertTrue(offered.containsAll(List.of("add", "broken", "slow", "opsmcp_echo")), "the model is offered both servers' functions: " + offered);
            JsonNode toolMessage = last(rounds.get(1).path("messages"));
            assertEquals("tool", toolMessage.path("role").asText(), rounds.get(1).toString());
            assertEquals("{\"sum\": 5}", toolMessage.path("content").asText(), "the model reads the tool's answer");
            List<String> statuses = sockets.events("bob-tools", "chat-events").stream()
                    .filter(e -> sum.assistant().equals(e.path("message_id").asText()) && "status".equals(e.path("data").path("type").asText()))
                    .map(e -> e.path("data").path("data").path("description").asText()).toList();
            assertTrue(statuses.containsAll(List.of("Running add", "Running opsmcp_echo")), "a status while each tool runs: " + statuses);

            Answer failed = ask(FAILING, "server:opsapi");
            assertEquals(List.of("broken"), names(failed.blocks()), failed.content());
            String read = failed.content().substring(failed.content().indexOf("The model read: "));
            assertTrue(read.contains("HTTP error 500") && read.contains(FakeToolServer.BROKEN_BODY), "the model reads the failure: " + read);
            assertTrue(tools.calls().contains("broken"), tools.calls().toString());

            stoppedWhileTheSlowToolRuns(tools);

            mcp.kill();
            Answer away = ask(WHILE_DOWN, "server:opsapi", "server:mcp:opsmcp");
            assertEquals("No tools needed.", away.content(), "the chat goes on without the server that is away");
            String offeredWhileDown = last(requests(WHILE_DOWN)).path("tools").toString();
            assertTrue(offeredWhileDown.contains("\"add\"") && !offeredWhileDown.contains("opsmcp_echo"),
                    "the OpenAPI functions only: " + offeredWhileDown);
            mcp.start();
            Answer back = ask(AFTER_RESTART, "server:mcp:opsmcp");
            assertEquals(List.of("opsmcp_echo"), names(back.blocks()), back.content());
            assertTrue(back.content().endsWith("After the restart: Echo: back again"), back.content());

            Answer refused = ask(PRIVATE, "server:mcp:secretmcp");
            assertEquals(List.of(), refused.blocks(), refused.content());
            JsonNode bobs = last(requests(PRIVATE));
            assertFalse(bobs.has("tools"), "Bob's request carries no function of the private server: " + bobs);
            // the same request by the admin (who passes every access rule) is offered the private server's functions
            String adminSid = sockets.connect("admin-tools", suite.gatewayUrl(), admin.token());
            Answer adminAnswer = ask(admin, "admin-tools", adminSid, PRIVATE, "server:mcp:secretmcp");
            assertEquals(List.of(), adminAnswer.blocks());
            JsonNode admins = last(requests(PRIVATE));
            assertTrue(admins.path("tools").toString().contains("secretmcp_echo"), "the private server works for who may use it: " + admins);
        } finally {
            upstream.scriptTools(request -> new FakeOpenAi.ToolRound("No script.", null, null));
        }
    }

    private void stoppedWhileTheSlowToolRuns(FakeToolServer tools) throws Exception {
        String chat = newChat(bob);
        String assistant = saveExchange(bob, chat, SLOW);
        Gateway.Response started = bob.post("/api/chat/completions", completion(SLOW, bobSid, chat, assistant, "server:opsapi"));
        assertEquals(200, started.status(), started.toString());
        assertTrue(tools.awaitSlowCall(), "the slow tool was called");
        sockets.awaitEvent("bob-tools", "chat-events", e -> assistant.equals(e.path("message_id").asText())
                && e.path("data").path("data").path("content").asText().contains("done=\"false\""), WAIT);
        Gateway.Response stop = bob.post("/api/tasks/stop/" + started.json().path("task_id").asText(), Map.of());
        assertEquals(200, stop.status(), stop.toString());
        assertTrue(stop.json().path("status").asBoolean(), stop.toString());
        sockets.awaitEvent("bob-tools", "chat-events", e -> assistant.equals(e.path("message_id").asText())
                && "chat:tasks:cancel".equals(e.path("data").path("type").asText()), WAIT);
        String saved = GatewayChat.awaitSaved(bob, chat, assistant, content -> content.contains("Looking it up."));
        assertFalse(saved.contains("Too late."), "no round after the stop: " + saved);
        tools.releaseSlowCalls();
        assertEquals(1, requests(SLOW).size(), "the model is not asked again after the stop");
    }

    /** What the fake model answers: the question says which exchange it is, the tool messages so far which round. */
    private static FakeOpenAi.ToolRound script(JsonNode request) {
        String question = FakeOpenAi.lastUserText(request);
        List<String> results = new ArrayList<>();
        request.path("messages").forEach(m -> {
            if ("tool".equals(m.path("role").asText())) {
                results.add(m.path("content").asText());
            }
        });
        int round = results.size();
        String previous = round == 0 ? "" : results.get(round - 1);
        return switch (question) {
            case TWO_ROUNDS -> switch (round) {
                case 0 -> new FakeOpenAi.ToolRound("", "add", "{\"a\": 2, \"b\": 3}");
                case 1 -> new FakeOpenAi.ToolRound("Sum found. ", "opsmcp_echo",
                        Gateway.JSON.createObjectNode().put("message", "sum is " + previous).toString());
                default -> new FakeOpenAi.ToolRound("Both tools answered: " + previous, null, null);
            };
            case FAILING -> round == 0 ? new FakeOpenAi.ToolRound("", "broken", "{}")
                    : new FakeOpenAi.ToolRound("The model read: " + previous, null, null);
            case SLOW -> round == 0 ? new FakeOpenAi.ToolRound("Looking it up. ", "slow", "{}")
                    : new FakeOpenAi.ToolRound("Too late.", null, null);
            case AFTER_RESTART -> round == 0 ? new FakeOpenAi.ToolRound("", "opsmcp_echo", "{\"message\": \"back again\"}")
                    : new FakeOpenAi.ToolRound("After the restart: " + previous, null, null);
            default -> new FakeOpenAi.ToolRound("No tools needed.", null, null);
        };
    }

    private void saveServers(FakeToolServer tools, EverythingMcp mcp) {
        ArrayNode connections = Gateway.JSON.createArrayNode();
        ObjectNode openapi = connections.addObject().put("type", "openapi").put("url", tools.url()).put("path", "openapi.json")
                .put("auth_type", "none").put("key", "");
        openapi.putObject("config").put("enable", true).putNull("access_control");
        openapi.putObject("info").put("id", "opsapi").put("name", "Ops tools").put("description", "");
        for (String id : List.of("opsmcp", "secretmcp")) {
            ObjectNode server = connections.addObject().put("type", "mcp").put("url", mcp.url()).put("path", "").put("auth_type", "none").put("key", "");
            ObjectNode config = server.putObject("config").put("enable", true);
            config.set("access_control", id.equals("secretmcp") ? NOBODY : Gateway.JSON.nullNode());
            server.putObject("info").put("id", id).put("name", id).put("description", "MCP reference server");
        }
        Gateway.Response saved = admin.post("/api/v1/configs/tool_servers", Map.of("TOOL_SERVER_CONNECTIONS", connections));
        assertEquals(200, saved.status(), saved.toString());
        // the base model, open to every user, calling functions natively
        ObjectNode preset = Gateway.JSON.createObjectNode().put("id", FakeOpenAi.TOOLS).putNull("base_model_id").put("name", "Fake tools")
                .put("is_active", true).putNull("access_control");
        preset.putObject("meta");
        preset.putObject("params").put("function_calling", "native");
        Gateway.Response model = admin.post("/api/v1/models/create", preset);
        assertEquals(200, model.status(), model.toString());
    }

    private Answer ask(String question, String... toolIds) throws Exception {
        return ask(bob, "bob-tools", bobSid, question, toolIds);
    }

    /**
     * A new chat with the question, answered over the socket; the answer done, its tool-call blocks as the
     * socket received them, checked against the chat read back.
     */
    private Answer ask(Gateway user, String client, String sid, String question, String... toolIds) throws Exception {
        String chat = newChat(user);
        String assistant = saveExchange(user, chat, question);
        Gateway.Response started = user.post("/api/chat/completions", completion(question, sid, chat, assistant, toolIds));
        assertEquals(200, started.status(), started.toString());
        JsonNode done = sockets.awaitEvent(client, "chat-events", e -> assistant.equals(e.path("message_id").asText())
                && "chat:completion".equals(e.path("data").path("type").asText()) && e.path("data").path("data").path("done").asBoolean(false), WAIT);
        assertEquals(chat, done.path("chat_id").asText());
        String content = done.path("data").path("data").path("content").asText();
        assertFalse(content.isEmpty(), "the done event carries the answer: " + sockets.events(client, "chat-events").stream()
                .filter(e -> assistant.equals(e.path("message_id").asText())).toList());
        List<String> blocks = blocks(content);
        assertTrue(blocks.stream().allMatch(b -> b.contains("done=\"true\"")), "every call finished: " + blocks);
        String saved = GatewayChat.awaitSaved(user, chat, assistant, content::equals);
        assertEquals(blocks, blocks(saved), "the reloaded chat shows the same tool calls");
        return new Answer(assistant, content, blocks);
    }

    private record Answer(String assistant, String content, List<String> blocks) {
    }

    private static List<String> blocks(String content) {
        List<String> found = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(content);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static List<String> names(List<String> blocks) {
        return blocks.stream().map(b -> {
            Matcher name = Pattern.compile(" name=\"([^\"]*)\"").matcher(b);
            return name.find() ? name.group(1) : "";
        }).toList();
    }

    /** The streamed requests the fake model received for this question, in order. */
    private List<JsonNode> requests(String question) {
        return upstream.completions().stream().filter(r -> r.path("stream").asBoolean(false) && FakeOpenAi.TOOLS.equals(r.path("model").asText())
                && question.equals(FakeOpenAi.lastUserText(r))).toList();
    }

    private static JsonNode last(JsonNode array) {
        return array.path(array.size() - 1);
    }

    private static JsonNode last(List<JsonNode> list) {
        assertFalse(list.isEmpty(), "no such request");
        return list.get(list.size() - 1);
    }

    private static Map<String, Object> completion(String question, String sid, String chat, String assistant, String... toolIds) {
        return Map.of("model", FakeOpenAi.TOOLS, "stream", true, "messages", List.of(Map.of("role", "user", "content", question)),
                "session_id", sid, "chat_id", chat, "id", assistant, "tool_ids", List.of(toolIds),
                "params", Map.of("function_calling", "native"));
    }

    private static String newChat(Gateway user) {
        Gateway.Response created = user.post("/api/v1/chats/new", Map.of("chat", Map.of("title", "Tools", "models", List.of(FakeOpenAi.TOOLS),
                "messages", List.of(), "history", Map.of("messages", Map.of(), "currentId", ""))));
        assertEquals(200, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    /** What the UI saves before it asks: the question and an empty answer; returns the answer's id. */
    private static String saveExchange(Gateway user, String chat, String question) {
        String questionId = UUID.randomUUID().toString();
        String assistant = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> messages = Map.of(
                questionId, Map.of("id", questionId, "parentId", "", "childrenIds", List.of(assistant), "role", "user",
                        "content", question, "timestamp", now, "models", List.of(FakeOpenAi.TOOLS)),
                assistant, Map.of("id", assistant, "parentId", questionId, "childrenIds", List.of(), "role", "assistant",
                        "content", "", "model", FakeOpenAi.TOOLS, "timestamp", now));
        Gateway.Response saved = user.post("/api/v1/chats/" + chat, Map.of("chat", Map.of("models", List.of(FakeOpenAi.TOOLS),
                "history", Map.of("currentId", assistant, "messages", messages))));
        assertEquals(200, saved.status(), saved.toString());
        return assistant;
    }
}
