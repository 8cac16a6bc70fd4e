package dev.webui.api.code;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.api.completion.round.RoundOutcome;
import dev.webui.api.completion.round.RoundResult;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.completion.step.StepEvents;
import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeLlm;
import dev.webui.api.support.TestJupyter;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Code execution and the code interpreter against a real Jupyter server (token and password
 * logins), and the interpreter's prompt through a chat request to a fake provider. Changes the
 * code execution settings, so it has a start of its own.
 */
@QuarkusTest
@TestProfile(CodeInterpreterTest.BlockedModules.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class CodeInterpreterTest {
    /** Open WebUI's variable; the invalid name is ignored. */
    public static class BlockedModules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CODE_INTERPRETER_BLOCKED_MODULES", "subprocess, not a module!");
        }
    }

    private static final String EXECUTE = "/api/v1/utils/code/execute";
    private static TestJupyter jupyter;
    private static FakeLlm llm;
    private static TestUser admin;
    private static TestUser user;

    @Inject
    InterpreterRound round;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;

    @BeforeEach
    void once() throws Exception {
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            user = TestUsers.create(Roles.USER);
            jupyter = TestJupyter.withToken();
            llm = new FakeLlm();
            CompletionFixture.connect(admin, llm.baseUrl());
            CompletionFixture.helperPreset(admin, Map.of());
        }
        configure(Map.of("ENABLE_CODE_EXECUTION", true, "CODE_EXECUTION_ENGINE", "jupyter",
                "CODE_EXECUTION_JUPYTER_URL", jupyter.url(), "CODE_EXECUTION_JUPYTER_AUTH", "token",
                "CODE_EXECUTION_JUPYTER_AUTH_TOKEN", jupyter.token(), "CODE_EXECUTION_JUPYTER_TIMEOUT", 120,
                "ENABLE_CODE_INTERPRETER", true, "CODE_INTERPRETER_ENGINE", "jupyter",
                "CODE_INTERPRETER_JUPYTER_URL", jupyter.url(), "CODE_INTERPRETER_JUPYTER_AUTH", "token"));
        configure(Map.of("CODE_INTERPRETER_JUPYTER_AUTH_TOKEN", jupyter.token(), "CODE_INTERPRETER_JUPYTER_TIMEOUT", 120,
                "CODE_INTERPRETER_PROMPT_TEMPLATE", ""));
    }

    @AfterAll
    static void stop() {
        if (jupyter != null) {
            jupyter.close();
            jupyter = null;
        }
        if (llm != null) {
            llm.close();
            llm = null;
        }
        admin = null;
    }

    private static void configure(Map<String, Object> values) {
        as(admin).body(values).post("/api/v1/configs/code_execution").then().statusCode(200);
    }

    private static Map<String, String> code(String code) {
        return Map.of("code", code);
    }

    // ---- /api/v1/utils/code/execute ------------------------------------------------------------

    @Test
    void executeReturnsStdoutAndTheLastValueAndLeavesNoKernel() {
        as(user).body(code("print('hello')\nprint('world')\n6 * 7")).post(EXECUTE).then().statusCode(200)
                .body("stdout", equalTo("hello\nworld"))
                .body("result", equalTo("42"))
                .body("stderr", equalTo(""));
        assertEquals(0, jupyter.kernels().size(), jupyter.kernels().encode());
    }

    @Test
    void anErrorOfTheCodeIsItsTraceback() {
        as(user).body(code("x = 1\nx / 0")).post(EXECUTE).then().statusCode(200)
                .body("stderr", containsString("ZeroDivisionError"))
                .body("stdout", equalTo(""));
        assertEquals(0, jupyter.kernels().size(), jupyter.kernels().encode());
    }

    @Test
    void aRunPastTheTimeoutIs504AndItsKernelIsGone() {
        configure(Map.of("CODE_EXECUTION_JUPYTER_TIMEOUT", 3));
        as(user).body(code("import time\nprint('started', flush=True)\ntime.sleep(600)")).post(EXECUTE).then()
                .statusCode(504).body("detail", containsString("timed out after 3 s"));
        JsonArray kernels = jupyter.kernels();
        assertEquals(0, kernels.size(), kernels.encode());
    }

    @Test
    void passwordLoginWithXsrf() {
        try (TestJupyter locked = TestJupyter.withPassword("s3cret pass&word")) {
            configure(Map.of("CODE_EXECUTION_JUPYTER_URL", locked.url(), "CODE_EXECUTION_JUPYTER_AUTH", "password",
                    "CODE_EXECUTION_JUPYTER_AUTH_PASSWORD", "s3cret pass&word"));
            as(user).body(code("print(2 + 2)")).post(EXECUTE).then().statusCode(200).body("stdout", equalTo("4"));
            configure(Map.of("CODE_EXECUTION_JUPYTER_AUTH_PASSWORD", "wrong"));
            as(user).body(code("print(2 + 2)")).post(EXECUTE).then().statusCode(502)
                    .body("detail", containsString("refused the password"));
        }
    }

    @Test
    void aWrongTokenOrAStoppedServerIs502() throws Exception {
        configure(Map.of("CODE_EXECUTION_JUPYTER_AUTH_TOKEN", "not-the-token"));
        as(user).body(code("print(1)")).post(EXECUTE).then().statusCode(502)
                .body("detail", containsString("could not start a kernel (HTTP 403)"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        configure(Map.of("CODE_EXECUTION_JUPYTER_URL", "http://127.0.0.1:" + closed));
        as(user).body(code("print(1)")).post(EXECUTE).then().statusCode(502)
                .body("detail", containsString("is unreachable"));
    }

    @Test
    void aServerThatNeverAnswersIs504() throws Exception {
        // connections wait in the socket's backlog: the request is sent and no answer ever comes
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            configure(Map.of("CODE_EXECUTION_JUPYTER_URL", "http://127.0.0.1:" + silent.getLocalPort(),
                    "CODE_EXECUTION_JUPYTER_TIMEOUT", 2));
            as(user).body(code("print(1)")).post(EXECUTE).then().statusCode(504)
                    .body("detail", containsString("did not answer in time"));
        }
    }

    @Test
    void refusals() {
        anonymous().body(code("print(1)")).post(EXECUTE).then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).body(code("print(1)")).post(EXECUTE).then().statusCode(401);
        as(user).body(Map.of()).post(EXECUTE).then().statusCode(400).body("detail", equalTo("'code' is required"));
        as(user).body(Map.of("code", 5)).post(EXECUTE).then().statusCode(400);

        configure(Map.of("CODE_EXECUTION_ENGINE", "pyodide"));
        as(user).body(code("print(1)")).post(EXECUTE).then().statusCode(400)
                .body("detail", containsString("Code execution engine not supported"));
        configure(Map.of("CODE_EXECUTION_ENGINE", "jupyter", "CODE_EXECUTION_JUPYTER_URL", ""));
        as(user).body(code("print(1)")).post(EXECUTE).then().statusCode(400)
                .body("detail", containsString("CODE_EXECUTION_JUPYTER_URL"));
        configure(Map.of("ENABLE_CODE_EXECUTION", false));
        as(user).body(code("print(1)")).post(EXECUTE).then().statusCode(403);
    }

    @Test
    void formattingIsRefusedClearly() {
        as(admin).body(code("x=1")).post("/api/v1/utils/code/format").then().statusCode(501)
                .body("detail", equalTo(CodeResource.NO_FORMATTER));
        as(user).body(code("x=1")).post("/api/v1/utils/code/format").then().statusCode(401);
    }

    // ---- the interpreter in chats --------------------------------------------------------------

    private static StepContext context(TestUser who, boolean interpreter) {
        return context(who, interpreter, null);
    }

    /** With a session, the request comes from a browser tab (socket mode). */
    private static StepContext context(TestUser who, boolean interpreter, String session) {
        return context(who, interpreter, session, () -> false);
    }

    private static StepContext context(TestUser who, boolean interpreter, String session, BooleanSupplier stopped) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "gpt-fake");
        if (session != null) {
            body.put("session_id", session).put("chat_id", "chat-1").put("id", "message-1");
        }
        body.putArray("messages").addObject().put("role", "user").put("content", "What is the sum of 0..9?");
        body.putObject("features").put("code_interpreter", interpreter);
        return new StepContext(new AuthenticatedUser(who.id(), "Tester", who.email(), who.role(), null),
                "Bearer " + who.token(), CompletionRequest.parse(body), null, body.deepCopy(), new ArrayList<>(),
                JsonNodeFactory.instance.objectNode(), StepEvents.NONE, stopped);
    }

    private RoundOutcome after(StepContext context, int index, String content) {
        return round.after(context, new RoundResult(index, content, List.of())).await().atMost(Duration.ofMinutes(3));
    }

    @Test
    void theInterpreterRunsTheModelsBlockAndShowsItsOutput() {
        StepContext context = context(user, true);
        assertTrue(round.wanted(context));
        String answer = "Let me compute it.\n```python\n<code_interpreter type=\"code\" lang=\"python\">\n"
                + "print(sum(range(10)))\nprint('<b>\"done\"</b>')\n</code_interpreter>\nThis text comes after.";
        RoundOutcome outcome = after(context, 0, answer);
        assertEquals("<details type=\"code_interpreter\" done=\"true\" output=\"{&quot;stdout&quot;: "
                + "&quot;45\\n&lt;b&gt;\\&quot;done\\&quot;&lt;/b&gt;&quot;, &quot;stderr&quot;: &quot;&quot;, "
                + "&quot;result&quot;: &quot;&quot;}\">\n<summary>Analyzed</summary>\n```python\n"
                + "print(sum(range(10)))\nprint('<b>\"done\"</b>')\n```\n</details>\n", outcome.shown());
        assertEquals("```python\n<code_interpreter type=\"code\" lang=\"python\">\n"
                + "print(sum(range(10)))\nprint('<b>\"done\"</b>')\n</code_interpreter>\nThis text comes after.", outcome.replaced(),
                "the raw block (with its open fence) leaves the answer");
        assertEquals(1, outcome.nextMessages().size());
        ObjectNode next = outcome.nextMessages().get(0);
        assertEquals("assistant", next.path("role").asText());
        String raw = next.path("content").asText();
        assertTrue(raw.startsWith("Let me compute it.\n<code_interpreter type=\"code\" lang=\"python\">\nprint(sum(range(10)))"), raw);
        assertTrue(raw.endsWith("</code_interpreter>\n```output\n{&quot;stdout&quot;: &quot;45\\n&lt;b&gt;\\&quot;done\\&quot;&lt;/b&gt;&quot;, "
                + "&quot;stderr&quot;: &quot;&quot;, &quot;result&quot;: &quot;&quot;}\n```\n"), raw);
        assertFalse(raw.contains("This text comes after"), raw);
        assertEquals(0, jupyter.kernels().size(), jupyter.kernels().encode());
    }

    @Test
    void stoppingTheAnswerStopsTheRunAndDeletesItsKernel() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<RoundOutcome> running = round.after(context(user, true, null, stop::get), new RoundResult(0,
                        "<code_interpreter type=\"code\" lang=\"python\">import time\ntime.sleep(600)</code_interpreter>", List.of()))
                .subscribeAsCompletionStage().toCompletableFuture();
        await("the run's kernel").atMost(Duration.ofSeconds(60)).until(() -> jupyter.kernels().size() == 1);
        stop.set(true);
        RoundOutcome outcome = running.get(60, TimeUnit.SECONDS);
        assertTrue(outcome.shown().contains("Error: The run was stopped"), outcome.shown());
        assertEquals(0, jupyter.kernels().size(), jupyter.kernels().encode());
    }

    @Test
    void theModelReadsFailuresAndNothingRunsWithoutABlockOrPastTheLimit() throws Exception {
        StepContext context = context(user, true);
        assertNull(after(context, 0, "No code this time."));
        assertNull(after(context, 0, "<code_interpreter type=\"code\" lang=\"python\">\n\n</code_interpreter>"));
        assertNull(after(context, InterpreterRound.MAX_RUNS, "<code_interpreter type=\"code\" lang=\"python\">print(1)</code_interpreter>"));

        RoundOutcome blocked = after(context, 1, "<code_interpreter type=\"code\" lang=\"python\">import json\n"
                + "print(json.dumps([1]))\nimport subprocess</code_interpreter>");
        assertTrue(blocked.shown().contains("&quot;stdout&quot;: &quot;[1]&quot;"), blocked.shown());
        assertTrue(blocked.shown().contains("Direct import of module subprocess is restricted."), blocked.shown());

        RoundOutcome failing = after(context, 1, "<code_interpreter type=\"code\" lang=\"python\">import nosuchmodule</code_interpreter>");
        assertTrue(failing.shown().contains("ModuleNotFoundError"), failing.shown());

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        configure(Map.of("CODE_INTERPRETER_JUPYTER_URL", "http://127.0.0.1:" + closed));
        RoundOutcome down = after(context, 1, "<code_interpreter type=\"code\" lang=\"python\">print(1)</code_interpreter>");
        assertTrue(down.shown().contains("&quot;stderr&quot;: &quot;Error: Jupyter at http://127.0.0.1:" + closed
                + " is unreachable"), down.shown());

        configure(Map.of("ENABLE_CODE_INTERPRETER", false));
        assertFalse(round.wanted(context));
        assertFalse(round.wanted(context(user, false)));
    }

    @Test
    void withPyodideTheBrowserTabThatAskedRunsTheCode() {
        configure(Map.of("CODE_INTERPRETER_ENGINE", "pyodide"));
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        var pubsub = redis.pubsub(String.class);
        var browser = pubsub.subscribe(keys.callChannel(), message -> {
            JsonNode call = new JsonObject(message).mapTo(JsonNode.class);
            calls.add(call);
            if (call.has("reply_to")) {
                ObjectNode reply = JsonNodeFactory.instance.objectNode().put("id", call.path("id").asText());
                reply.putObject("result").put("stdout", "4\n").putNull("stderr").put("result", "");
                pubsub.publish(call.path("reply_to").asText(), reply.toString()).subscribe().with(done -> { }, failed -> { });
            }
        }).await().atMost(Duration.ofSeconds(10));
        try {
            pubsub.publish(keys.callChannel(), "{\"probe\": true}").await().atMost(Duration.ofSeconds(10));
            await("the probe on the call channel").atMost(Duration.ofSeconds(10)).until(() -> !calls.isEmpty());

            RoundOutcome outcome = after(context(user, true, "sid-9"), 0,
                    "<code_interpreter type=\"code\" lang=\"python\">print(2 + 2)</code_interpreter>");
            assertTrue(outcome.shown().contains("output=\"{&quot;stdout&quot;: &quot;4&quot;, &quot;stderr&quot;: &quot;&quot;"),
                    outcome.shown());
            JsonNode call = calls.stream().filter(c -> c.has("reply_to")).findFirst().orElseThrow();
            assertEquals("sid-9", call.path("sid").asText());
            assertEquals("chat-events", call.path("event").asText());
            assertEquals("chat-1", call.path("data").path("chat_id").asText());
            assertEquals("message-1", call.path("data").path("message_id").asText());
            JsonNode event = call.path("data").path("data");
            assertEquals("execute:python", event.path("type").asText());
            String sent = event.path("data").path("code").asText();
            assertTrue(sent.endsWith("\nprint(2 + 2)") && sent.contains("_guard_blocked = {'subprocess'}"), sent);
            assertEquals("sid-9", event.path("data").path("session_id").asText());
        } finally {
            browser.unsubscribe().await().atMost(Duration.ofSeconds(10));
        }
        RoundOutcome noTab = after(context(user, true), 0, "<code_interpreter type=\"code\" lang=\"python\">print(1)</code_interpreter>");
        assertTrue(noTab.shown().contains("no browser session"), noTab.shown());
    }

    // ---- the prompt, through a chat ------------------------------------------------------------

    private static String lastUserMessage(String prompt, Boolean interpreter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", CompletionFixture.PRESET);
        body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
        body.put("stream", false);
        if (interpreter != null) {
            body.put("features", Map.of("code_interpreter", interpreter));
        }
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        JsonObject sent = llm.requests.stream().filter(r -> {
            JsonArray messages = r.getJsonArray("messages");
            return messages.getJsonObject(messages.size() - 1).getString("content").startsWith(prompt);
        }).reduce((first, second) -> second).orElseThrow();
        JsonArray messages = sent.getJsonArray("messages");
        return messages.getJsonObject(messages.size() - 1).getString("content");
    }

    @Test
    void thePromptIsAddedOnlyWhenTheSwitchAndTheAdminAllowIt() {
        String asked = lastUserMessage("Compute 2**100 please", true);
        assertTrue(asked.startsWith("Compute 2**100 please\n"), asked);
        assertTrue(asked.contains("`<code_interpreter type=\"code\" lang=\"python\">`"), asked);

        assertEquals("Compute 3**100 please", lastUserMessage("Compute 3**100 please", false));
        assertEquals("Compute 4**100 please", lastUserMessage("Compute 4**100 please", null));

        configure(Map.of("CODE_INTERPRETER_PROMPT_TEMPLATE", "Use <code_interpreter> for maths."));
        assertEquals("Compute 5**100 please\nUse <code_interpreter> for maths.", lastUserMessage("Compute 5**100 please", true));

        configure(Map.of("ENABLE_CODE_INTERPRETER", false));
        assertEquals("Compute 6**100 please", lastUserMessage("Compute 6**100 please", true));
    }
}
