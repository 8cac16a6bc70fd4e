package dev.webui.api.relay;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible provider with the routes the pass-through and embeddings tests need, in the
 * real wire format, with a required key: {@code /v1/models}, {@code POST /v1/embeddings},
 * {@code GET /v1/files} (echoes its query), {@code POST /v1/count} (counts the bytes it received),
 * {@code PUT|DELETE /v1/things/1}, {@code POST /v1/stream} (three SSE events) and {@code /v1/boom} (500).
 */
final class FakeProvider implements AutoCloseable {
    static final String KEY = "sk-relay";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    FakeProvider() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/v1";
    }

    private void handle(HttpServerRequest request) {
        if (!("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
            json(request, 401, new JsonObject().put("error", new JsonObject().put("message", "Incorrect API key provided")));
            return;
        }
        String route = request.method().name() + " " + request.path();
        if (route.equals("POST /v1/count")) {
            AtomicLong bytes = new AtomicLong();
            request.handler(chunk -> bytes.addAndGet(chunk.length()));
            request.endHandler(v -> json(request, 200, new JsonObject().put("received", bytes.get())));
            return;
        }
        request.body().onSuccess(body -> {
            switch (route) {
                case "GET /v1/models" -> json(request, 200, new JsonObject().put("object", "list").put("data", new JsonArray()
                        .add(new JsonObject().put("id", "text-embedding-fake").put("object", "model"))));
                case "POST /v1/embeddings" -> {
                    JsonObject in = body.toJsonObject();
                    json(request, 200, new JsonObject().put("object", "list").put("model", in.getString("model"))
                            .put("data", new JsonArray().add(new JsonObject().put("object", "embedding").put("index", 0)
                                    .put("embedding", new JsonArray().add(0.25).add(-0.5))))
                            .put("usage", new JsonObject().put("prompt_tokens", 2).put("total_tokens", 2))
                            .put("echo", in));
                }
                case "GET /v1/files" -> json(request, 200, new JsonObject().put("object", "list").put("query", request.query()));
                case "PUT /v1/things/1", "DELETE /v1/things/1" ->
                        json(request, 200, new JsonObject().put("method", request.method().name()).put("body", body.toString()));
                case "POST /v1/stream" -> {
                    request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                    for (int i = 0; i < 3; i++) {
                        request.response().write("data: {\"n\":" + i + "}\n\n");
                    }
                    request.response().end("data: [DONE]\n\n");
                }
                case "GET /v1/boom" -> json(request, 500, new JsonObject().put("error", new JsonObject().put("message", "exploded")));
                default -> json(request, 404, new JsonObject().put("error", new JsonObject().put("message", "no route " + route)));
            }
        });
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
