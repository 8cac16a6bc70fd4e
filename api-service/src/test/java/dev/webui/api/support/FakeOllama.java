package dev.webui.api.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An Ollama server for tests, speaking its real wire format on loopback: JSON for version, tags,
 * ps, show, copy, delete and embeddings; NDJSON streams for pull, push, create, generate and chat
 * (one JSON object per line, the last with {@code done: true} or {@code status: "success"}, or a chat's
 * {@code {"error"}} line after one word when its last message is {@link #FAIL_MIDWAY}; with tools
 * offered, a call of {@code add} and then an answer quoting its result);
 * OpenAI SSE on /v1/chat/completions; blobs by digest (HEAD 200/404, POST checked against the
 * digest). A model named {@code hang:latest} gets headers and then silence.
 */
public final class FakeOllama implements AutoCloseable {
    /** One request: method, path and JSON body (null for blobs). */
    public record Seen(String method, String path, JsonObject body) {
    }

    /** A chat whose last message says this gets one word, then Ollama's error line. */
    public static final String FAIL_MIDWAY = "fail midway";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String version;
    private final List<String> models;
    public final List<Seen> requests = new CopyOnWriteArrayList<>();
    public final Set<String> blobs = ConcurrentHashMap.newKeySet();
    public final List<Long> blobSizes = new CopyOnWriteArrayList<>();

    public FakeOllama(String version, String... models) throws Exception {
        this.version = version;
        this.models = List.of(models);
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public List<Seen> seen(String path) {
        return requests.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/api/blobs/")) {
            blob(request, path.substring("/api/blobs/".length()));
            return;
        }
        request.body().onSuccess(bytes -> {
            JsonObject body = bytes.length() == 0 ? null : bytes.toJsonObject();
            requests.add(new Seen(request.method().name(), path, body));
            route(request, path, body);
        });
    }

    private void route(HttpServerRequest request, String path, JsonObject body) {
        HttpServerResponse response = request.response();
        String model = body == null ? null : body.getString("model", body.getString("name"));
        if ("hang:latest".equals(model)) {
            response.setChunked(true).putHeader("Content-Type", "application/x-ndjson").write("");
            return;
        }
        switch (path) {
            case "/api/version" -> json(response, new JsonObject().put("version", version));
            case "/api/tags" -> {
                JsonArray list = new JsonArray();
                models.forEach(m -> list.add(tag(m)));
                json(response, new JsonObject().put("models", list));
            }
            case "/api/ps" -> json(response, new JsonObject().put("models", new JsonArray().add(tag(models.get(0))
                    .put("expires_at", "2030-01-01T00:00:00Z").put("size_vram", 1000))));
            case "/api/show" -> json(response, new JsonObject().put("modelfile", "FROM " + model).put("parameters", "stop <eos>")
                    .put("template", "{{ .Prompt }}").put("details", new JsonObject().put("family", "llama")));
            case "/api/copy" -> response.end();
            case "/api/delete" -> {
                if (models.contains(model)) {
                    response.end();
                } else {
                    error(response, 404, "model '" + model + "' not found");
                }
            }
            case "/api/embed" -> json(response, new JsonObject().put("model", model)
                    .put("embeddings", new JsonArray().add(new JsonArray().add(0.1).add(0.2))));
            case "/api/embeddings" -> json(response, new JsonObject().put("embedding", new JsonArray().add(0.1).add(0.2)));
            case "/api/pull", "/api/push" -> ndjson(response, List.of(
                    new JsonObject().put("status", "pulling manifest"),
                    new JsonObject().put("status", "pulling abc").put("digest", "sha256:abc").put("total", 100).put("completed", 0),
                    new JsonObject().put("status", "pulling abc").put("digest", "sha256:abc").put("total", 100).put("completed", 50),
                    new JsonObject().put("status", "pulling abc").put("digest", "sha256:abc").put("total", 100).put("completed", 100),
                    new JsonObject().put("status", "success")));
            case "/api/create" -> {
                if (body.getBoolean("stream", true)) {
                    ndjson(response, List.of(new JsonObject().put("status", "parsing GGUF"), new JsonObject().put("status", "success")));
                } else {
                    json(response, new JsonObject().put("status", "success"));
                }
            }
            case "/api/generate" -> generate(response, body, model);
            case "/api/chat" -> chat(response, body, model);
            case "/v1/chat/completions" -> openAi(response, body, model);
            default -> error(response, 404, "404 page not found");
        }
    }

    private void chat(HttpServerResponse response, JsonObject body, String model) {
        List<String> words = List.of("Hello", " from", " ollama");
        if (!body.getBoolean("stream", true)) {
            json(response, done(model).put("message", new JsonObject().put("role", "assistant").put("content", String.join("", words))));
            return;
        }
        List<JsonObject> lines = new java.util.ArrayList<>();
        words.forEach(w -> lines.add(new JsonObject().put("model", model).put("created_at", "2025-01-01T00:00:00Z")
                .put("message", new JsonObject().put("role", "assistant").put("content", w)).put("done", false)));
        JsonArray messages = body.getJsonArray("messages", new JsonArray());
        if (body.containsKey("tools")) {
            toolRound(response, messages, model);
            return;
        }
        if (!messages.isEmpty() && FAIL_MIDWAY.equals(messages.getJsonObject(messages.size() - 1).getString("content"))) {
            lines.set(1, new JsonObject().put("error", "model runner has unexpectedly stopped"));
            lines.remove(2);
        } else {
            lines.add(done(model).put("message", new JsonObject().put("role", "assistant").put("content", "")));
        }
        ndjson(response, lines);
    }

    /** With tools offered: a call of {@code add} first, then, once its result is among the messages, the answer quoting it. */
    private void toolRound(HttpServerResponse response, JsonArray messages, String model) {
        JsonObject last = messages.getJsonObject(messages.size() - 1);
        JsonObject message = new JsonObject().put("role", "assistant");
        if ("tool".equals(last.getString("role"))) {
            message.put("content", "The sum is " + last.getString("content"));
        } else {
            message.put("content", "").put("tool_calls", new JsonArray().add(new JsonObject()
                    .put("function", new JsonObject().put("name", "add").put("arguments", new JsonObject().put("a", 2).put("b", 3)))));
        }
        ndjson(response, List.of(new JsonObject().put("model", model).put("message", message).put("done", false),
                done(model).put("message", new JsonObject().put("role", "assistant").put("content", ""))));
    }

    private void generate(HttpServerResponse response, JsonObject body, String model) {
        if (Integer.valueOf(0).equals(body.getValue("keep_alive"))) {
            json(response, done(model).put("response", "").put("done_reason", "unload"));
        } else if (!body.getBoolean("stream", true)) {
            json(response, done(model).put("response", "Hello from ollama"));
        } else {
            ndjson(response, List.of(new JsonObject().put("model", model).put("response", "Hello").put("done", false),
                    done(model).put("response", "")));
        }
    }

    private void openAi(HttpServerResponse response, JsonObject body, String model) {
        String id = "chatcmpl-1";
        if (!body.getBoolean("stream", false)) {
            json(response, new JsonObject().put("id", id).put("object", "chat.completion").put("model", model)
                    .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
                            .put("message", new JsonObject().put("role", "assistant").put("content", "Hello from ollama")))));
            return;
        }
        response.setChunked(true).putHeader("Content-Type", "text/event-stream");
        for (String word : List.of("Hello", " from", " ollama")) {
            JsonObject chunk = new JsonObject().put("id", id).put("object", "chat.completion.chunk").put("model", model)
                    .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                            .put("delta", new JsonObject().put("role", "assistant").put("content", word)).putNull("finish_reason")));
            response.write("data: " + chunk.encode() + "\n\n");
        }
        JsonObject last = new JsonObject().put("id", id).put("object", "chat.completion.chunk").put("model", model)
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", new JsonObject())
                        .put("finish_reason", "stop")));
        response.write("data: " + last.encode() + "\n\n");
        response.end("data: [DONE]\n\n");
    }

    private void blob(HttpServerRequest request, String digest) {
        if (request.method() == HttpMethod.HEAD) {
            requests.add(new Seen("HEAD", request.path(), null));
            request.response().setStatusCode(blobs.contains(digest) ? 200 : 404).end();
            return;
        }
        requests.add(new Seen(request.method().name(), request.path(), null));
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long[] size = {0};
        request.handler(chunk -> {
            sha.update(chunk.getBytes());
            size[0] += chunk.length();
        });
        request.endHandler(v -> {
            String actual = "sha256:" + HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(digest)) {
                error(request.response(), 400, "digest mismatch");
                return;
            }
            blobs.add(digest);
            blobSizes.add(size[0]);
            request.response().setStatusCode(201).end();
        });
    }

    private static JsonObject tag(String model) {
        return new JsonObject().put("name", model).put("model", model).put("modified_at", "2025-01-01T00:00:00Z")
                .put("size", 4661224676L).put("digest", "365c0bd3c000a25d28ddbf732fe1c6add414de7275464c4e4d1c3b5fcb5d8ad1")
                .put("details", new JsonObject().put("format", "gguf").put("family", "llama")
                        .put("parameter_size", "8.0B").put("quantization_level", "Q4_0"));
    }

    private static JsonObject done(String model) {
        return new JsonObject().put("model", model).put("created_at", "2025-01-01T00:00:01Z").put("done", true)
                .put("done_reason", "stop").put("total_duration", 5000000).put("prompt_eval_count", 11).put("eval_count", 3);
    }

    private static void json(HttpServerResponse response, JsonObject body) {
        response.putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    private static void ndjson(HttpServerResponse response, List<JsonObject> lines) {
        response.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
        lines.forEach(line -> response.write(line.encode() + "\n"));
        response.end();
    }

    private static void error(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
