package dev.webui.api.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible provider for tests, speaking the real wire format: {@code POST
 * /v1/chat/completions} streams {@code data: <chunk>\n\n} events, a usage chunk and
 * {@code data: [DONE]}, or answers JSON, or fails. The last user message picks the behaviour:
 * <ul>
 *   <li>anything else: "Hello", " world", "!" then usage (prompt 11, completion 3)</li>
 *   <li>{@code status:<code>}: that status with an OpenAI error body</li>
 *   <li>{@code slow}: a chunk every 50 ms until the caller goes away ({@link #aborted} counts that)</li>
 *   <li>{@code hang}: headers, one chunk, then silence</li>
 *   <li>{@code malformed}: one good chunk then a data line that is not JSON</li>
 *   <li>{@code cut}: two chunks then the connection is closed without the end marker</li>
 *   <li>{@code error-chunk}: one chunk then an {@code {"error"}} event</li>
 *   <li>{@code words:<n>}: n chunks "w0 ", "w1 ", ... then usage</li>
 *   <li>{@code think:field}: thinking in {@code reasoning_content} deltas, then the answer "Answer."</li>
 *   <li>{@code think:reasoning}: the same in the {@code reasoning} field</li>
 *   <li>{@code think:tags}: {@code <think>} tags split across content deltas, then "Answer."</li>
 *   <li>{@code tools:<script>} with {@code tools} in the body: native tool calls ({@link FakeToolCalls})</li>
 *   <li>non-streamed requests: "Hello world!" (with {@code reasoning_content} for {@code think:json}), or the
 *   JSON a title/tags/follow-up/image/search-query prompt asks for, the tools a tool-choosing prompt asks for
 *   ({@link FakeToolCalls#choice}); a task prompt mentioning {@code echo-model} is answered
 *   with itself, one mentioning {@code dup-follow} with repeated follow-ups</li>
 * </ul>
 */
public final class FakeLlm implements AutoCloseable {
    public static final String KEY = "sk-fake-upstream";
    /** The answer to an image prompt task. */
    public static final String IMAGE_PROMPT = "A watercolour lighthouse at dusk";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final AtomicInteger aborted = new AtomicInteger();
    public final AtomicInteger slowStarted = new AtomicInteger();

    public FakeLlm() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/v1";
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().equals("/v1/chat/completions")) {
            if (request.path().equals("/v1/models")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("object", "list").put("data", new JsonArray()
                                .add(new JsonObject().put("id", "gpt-fake").put("object", "model").put("owned_by", "system"))).encode());
                return;
            }
            request.response().setStatusCode(404).end();
            return;
        }
        authorizations.add(String.valueOf(request.getHeader("Authorization")));
        request.body().onSuccess(bytes -> answer(request, bytes.toJsonObject()));
    }

    private void answer(HttpServerRequest request, JsonObject body) {
        requests.add(body);
        HttpServerResponse response = request.response();
        if (!("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
            error(response, 401, "Incorrect API key provided");
            return;
        }
        String prompt = lastUserText(body);
        String model = body.getString("model");
        if (prompt.startsWith("status:")) {
            int status = Integer.parseInt(prompt.substring(7).trim());
            error(response, status, switch (status) {
                case 401 -> "Incorrect API key provided";
                case 429 -> "Rate limit reached for requests";
                default -> "The server had an error";
            });
            return;
        }
        if (!body.getBoolean("stream", false)) {
            String choice = FakeToolCalls.choice(body, prompt);
            JsonObject message = new JsonObject().put("role", "assistant").put("content", choice != null ? choice : taskAnswer(prompt));
            if (prompt.equals("think:json")) {
                message.put("reasoning_content", "Pondering.");
            }
            response.putHeader("Content-Type", "application/json").end(new JsonObject().put("id", "chatcmpl-1")
                    .put("object", "chat.completion").put("created", 1700000000).put("model", model)
                    .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("message", message)
                            .put("finish_reason", "stop")))
                    .put("usage", usage(11, 3)).encode());
            return;
        }
        response.setChunked(true).putHeader("Content-Type", "text/event-stream");
        if (body.containsKey("tools") && prompt.startsWith("tools:")) {
            FakeToolCalls.Round round = FakeToolCalls.round(body, prompt);
            round.events().forEach(delta -> response.write(event(delta(model, delta))));
            if (round.toolCalls()) {
                finishReason(response, model, "tool_calls");
            }
            finish(response, model, round.events().size());
            return;
        }
        switch (prompt.startsWith("words:") ? "words" : prompt) {
            case "slow" -> slow(response, model);
            case "hang" -> response.write(event(chunk(model, "Hel")));
            case "malformed" -> response.write(event(chunk(model, "Hel"))).onSuccess(v -> response.end("data: {not json\n\n"));
            case "cut" -> response.write(event(chunk(model, "Hel") + "\n\ndata: " + chunk(model, "lo")))
                    .onSuccess(v -> vertx.setTimer(20, t -> request.connection().close()));
            case "error-chunk" -> response.write(event(chunk(model, "Hel")))
                    .onSuccess(v -> response.end(event(new JsonObject().put("error",
                            new JsonObject().put("message", "The model is overloaded").put("type", "server_error")).encode())));
            case "think:field", "think:reasoning" -> {
                String field = prompt.equals("think:field") ? "reasoning_content" : "reasoning";
                response.write(event(delta(model, new JsonObject().put("role", "assistant").put(field, "Let me"))));
                response.write(event(delta(model, new JsonObject().put(field, " think.\nSecond line"))));
                response.write(event(chunk(model, "Answer.")));
                finish(response, model, 3);
            }
            case "think:tags" -> {
                response.write(event(chunk(model, "<thi")));
                response.write(event(chunk(model, "nk>Let me")));
                response.write(event(chunk(model, " think.</think>")));
                response.write(event(chunk(model, "\n\nAnswer.")));
                finish(response, model, 4);
            }
            case "words" -> {
                int n = Integer.parseInt(prompt.substring(6).trim());
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    all.append("data: ").append(chunk(model, "w" + i + " ")).append("\n\n");
                }
                response.write(all.toString());
                finish(response, model, n);
            }
            default -> {
                response.write(event(chunk(model, "Hello")));
                response.write(event(chunk(model, " world")));
                response.write(event(chunk(model, "!")));
                finish(response, model, 3);
            }
        }
    }

    /** Task prompts ask for a JSON key; answer it the way models do, inside some prose. */
    private static String taskAnswer(String prompt) {
        if (prompt.contains("echo-model")) {
            return prompt;
        }
        if (prompt.contains("dup-follow") && prompt.contains("{\"follow_ups\"")) {
            return "{\"follow_ups\": [\"Why?\", \" why? \", \"...\", \"How far?\", \"Why?\"]}";
        }
        if (prompt.contains("{\"prompt\"")) {
            return "Here is one: {\"prompt\": \"" + IMAGE_PROMPT + "\"}";
        }
        if (prompt.contains("{\"title\"")) {
            return "Sure! {\"title\": \"Fake title\"}";
        }
        if (prompt.contains("{\"tags\"")) {
            return "{'tags': ['Science', 'Space Travel']}";
        }
        if (prompt.contains("{\"queries\"")) {
            return "{\"queries\": [\"river facts\", \"sediment facts\"]}";
        }
        if (prompt.contains("{\"follow_ups\"")) {
            return "```json\n{\"follow_ups\": [\"Why?\", \"How far?\"]}\n```";
        }
        return "Hello world!";
    }

    private void finish(HttpServerResponse response, String model, int completionTokens) {
        JsonObject usage = new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("model", model).put("choices", new JsonArray()).put("usage", usage(11, completionTokens));
        response.write(event(usage.encode()));
        response.end("data: [DONE]\n\n");
    }

    private static void finishReason(HttpServerResponse response, String model, String reason) {
        response.write(event(new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1700000000)
                .put("model", model).put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("delta", new JsonObject()).put("finish_reason", reason))).encode()));
    }

    private void slow(HttpServerResponse response, String model) {
        slowStarted.incrementAndGet();
        long timer = vertx.setPeriodic(50, id -> response.write(event(chunk(model, "."))));
        response.closeHandler(v -> {
            vertx.cancelTimer(timer);
            aborted.incrementAndGet();
        });
        response.exceptionHandler(e -> { });
    }

    private static void error(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("message", message).put("type", "invalid_request_error")
                        .putNull("param").put("code", status == 401 ? "invalid_api_key" : null)).encode());
    }

    private static JsonObject usage(int prompt, int completion) {
        return new JsonObject().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    static String chunk(String model, String content) {
        return delta(model, new JsonObject().put("content", content));
    }

    static String delta(String model, JsonObject delta) {
        return new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1700000000)
                .put("model", model).put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("delta", delta).putNull("finish_reason"))).encode();
    }

    private static Buffer event(String data) {
        return Buffer.buffer("data: " + data + "\n\n");
    }

    private static String lastUserText(JsonObject body) {
        JsonArray messages = body.getJsonArray("messages", new JsonArray());
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject message = messages.getJsonObject(i);
            if ("user".equals(message.getString("role")) && message.getValue("content") instanceof String text) {
                return text;
            }
        }
        return "";
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
