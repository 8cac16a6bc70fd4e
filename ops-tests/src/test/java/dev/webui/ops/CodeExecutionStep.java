package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step of {@link SuiteThroughGatewayIT}: Python run on a real Jupyter server behind the gateway.
 * The admin points code execution and the code interpreter at {@link JupyterServer}; Bob's "Run"
 * request ({@code /api/v1/utils/code/execute}) answers what Python printed; then Bob chats with the
 * interpreter on while the fake model answers with a {@code <code_interpreter>} block: the code runs
 * on Jupyter, the model is asked again with its output, and the saved answer shows the block with
 * that output and the model's last words. The admin's settings are put back at the end.
 */
final class CodeExecutionStep {
    private static final String QUESTION = "What is the sum of 0 to 9?";
    private static final String CODE = "print(sum(range(10)))";
    private static final String LAST_WORDS = "The sum is 45.";

    private final SuiteParts parts;
    private final FakeOpenAi upstream;
    private final Gateway admin;
    private final Gateway bob;

    CodeExecutionStep(SuiteParts parts) {
        this.parts = parts;
        this.upstream = parts.upstream();
        this.admin = parts.admin();
        this.bob = parts.bob();
    }

    void run() throws Exception {
        Gateway.Response before = admin.get("/api/v1/configs/code_execution");
        assertEquals(200, before.status(), before.toString());
        upstream.scriptTools(CodeExecutionStep::script);
        try (JupyterServer jupyter = new JupyterServer(); AutoCloseable open = parts.openToEveryone(FakeOpenAi.TOOLS)) {
            configure(before.json(), jupyter);
            Gateway.Response run = SuiteParts.onEveryReplica(() -> bob.post("/api/v1/utils/code/execute",
                    Map.of("code", "x = 6 * 7\nprint(x)\nx + 1")), "Run reaches Jupyter on every replica");
            assertEquals("42", run.json().path("stdout").asText(), run.toString());
            assertEquals("43", run.json().path("result").asText(), run.toString());
            assertEquals(403, new Gateway(parts.suite().gatewayUrl()).post("/api/v1/utils/code/execute", Map.of("code", "print(1)")).status());

            interpreterInAChat();
            assertEquals("[]", jupyter.kernels().replaceAll("\\s", ""), "no kernel is left behind");
        } finally {
            upstream.scriptTools(request -> new FakeOpenAi.ToolRound("No script.", null, null));
            Gateway.Response restored = admin.post("/api/v1/configs/code_execution", before.json());
            assertEquals(200, restored.status(), restored.toString());
        }
    }

    private void configure(JsonNode config, JupyterServer jupyter) {
        ObjectNode changed = config.deepCopy();
        for (String prefix : List.of("CODE_EXECUTION", "CODE_INTERPRETER")) {
            changed.put(prefix + "_ENGINE", "jupyter").put(prefix + "_JUPYTER_URL", jupyter.url()).put(prefix + "_JUPYTER_AUTH", "token")
                    .put(prefix + "_JUPYTER_AUTH_TOKEN", jupyter.token()).put(prefix + "_JUPYTER_TIMEOUT", 60);
        }
        changed.put("ENABLE_CODE_EXECUTION", true).put("ENABLE_CODE_INTERPRETER", true);
        Gateway.Response saved = admin.post("/api/v1/configs/code_execution", changed);
        assertEquals(200, saved.status(), saved.toString());
    }

    private void interpreterInAChat() throws Exception {
        String sid = parts.sockets().connect("bob-code", parts.suite().gatewayUrl(), bob.token());
        GatewayChat.Exchange exchange = new GatewayChat(parts.sockets(), bob, "bob-code", sid)
                .ask(FakeOpenAi.TOOLS, QUESTION, Map.of("features", Map.of("code_interpreter", true)));

        String answer = exchange.answer();
        assertTrue(answer.contains("<details type=\"code_interpreter\" done=\"true\""), answer);
        assertTrue(answer.contains("&quot;stdout&quot;: &quot;45"), "the block carries Jupyter's output: " + answer);
        assertTrue(answer.contains(CODE), answer);
        assertTrue(answer.endsWith(LAST_WORDS), answer);

        List<JsonNode> rounds = upstream.completions().stream().filter(r -> r.path("stream").asBoolean(false)
                && FakeOpenAi.TOOLS.equals(r.path("model").asText()) && r.toString().contains(QUESTION)).toList();
        assertEquals(2, rounds.size(), "the model is asked again once the code ran: " + rounds);
        assertTrue(FakeOpenAi.lastUserText(rounds.get(0)).contains("<code_interpreter"), "the model was told how to run code");
        JsonNode fedBack = rounds.get(1).path("messages").path(rounds.get(1).path("messages").size() - 1);
        assertEquals("assistant", fedBack.path("role").asText(), fedBack.toString());
        assertTrue(fedBack.path("content").asText().contains("```output"), "the model reads the output: " + fedBack);
    }

    /** The fake model: code to run first; once it has read an output, the answer. */
    private static FakeOpenAi.ToolRound script(JsonNode request) {
        boolean ran = request.toString().contains("```output");
        return ran ? new FakeOpenAi.ToolRound(LAST_WORDS, null, null)
                : new FakeOpenAi.ToolRound("Let me compute it.\n<code_interpreter type=\"code\" lang=\"python\">\n" + CODE
                        + "\n</code_interpreter>", null, null);
    }
}
