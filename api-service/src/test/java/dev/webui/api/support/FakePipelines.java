package dev.webui.api.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Pipelines server for tests, speaking its real routes under {@code /v1} with a required key:
 * the model list with the {@code pipelines} marker (filter {@code guard} on every model, pipe
 * {@code echo-pipe}), {@code /pipelines} list/add/upload/delete, valves and spec, and the
 * {@code guard} filter's inlet (prefixes the last user message with "[guarded] "; a message
 * "forbidden" is refused with 403 and a detail) and outlet (appends " [checked]" to the last
 * assistant message).
 */
public final class FakePipelines implements AutoCloseable {
    public static final String KEY = "0p3n-w3bu!";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    /** Every request as "METHOD path", and the filter and upload bodies. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<JsonObject> filterBodies = new CopyOnWriteArrayList<>();
    public final List<String> uploads = new CopyOnWriteArrayList<>();
    private final JsonObject valves = new JsonObject().put("limit", 5);

    public FakePipelines() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/v1";
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            calls.add(request.method() + " " + path);
            if (!("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
                reply(request, 401, new JsonObject().put("detail", "Invalid API key"));
                return;
            }
            route(request, request.method(), path.substring(3), body);
        });
    }

    private void route(HttpServerRequest request, HttpMethod method, String path, Buffer body) {
        switch (method.name() + " " + path) {
            case "GET /models" -> reply(request, 200, new JsonObject().put("object", "list").put("pipelines", true)
                    .put("data", new JsonArray()
                            .add(new JsonObject().put("id", "guard").put("name", "Guard").put("object", "model")
                                    .put("pipeline", new JsonObject().put("type", "filter").put("pipelines", new JsonArray().add("*"))
                                            .put("priority", 0).put("valves", true)))
                            .add(new JsonObject().put("id", "echo-pipe").put("name", "Echo").put("object", "model")
                                    .put("pipeline", new JsonObject().put("type", "pipe").put("valves", false)))));
            case "GET /pipelines" -> reply(request, 200, new JsonObject().put("data", new JsonArray()
                    .add(new JsonObject().put("id", "guard").put("name", "Guard").put("type", "filter").put("valves", true))));
            case "POST /pipelines/add" -> {
                String url = body.toJsonObject().getString("url", "");
                if (!url.startsWith("https://")) {
                    reply(request, 400, new JsonObject().put("detail", "Invalid URL"));
                } else {
                    reply(request, 200, new JsonObject().put("status", true).put("detail", "Pipeline added successfully from " + url));
                }
            }
            case "DELETE /pipelines/delete" -> {
                String id = body.toJsonObject().getString("id", "");
                reply(request, "guard".equals(id) ? 200 : 404, "guard".equals(id)
                        ? new JsonObject().put("status", true).put("detail", "Pipeline " + id + " deleted successfully")
                        : new JsonObject().put("detail", "Pipeline " + id + " not found"));
            }
            case "POST /pipelines/upload" -> {
                uploads.add(request.getHeader("Content-Type") + "\n" + body.toString());
                reply(request, 200, new JsonObject().put("status", true).put("detail", "Pipeline uploaded successfully"));
            }
            case "GET /guard/valves" -> reply(request, 200, valves);
            case "GET /guard/valves/spec" -> reply(request, 200, new JsonObject().put("title", "Valves").put("type", "object")
                    .put("properties", new JsonObject().put("limit", new JsonObject().put("title", "Limit").put("type", "integer"))));
            case "POST /guard/valves/update" -> {
                valves.mergeIn(body.toJsonObject());
                reply(request, 200, valves);
            }
            case "POST /guard/filter/inlet" -> inlet(request, body.toJsonObject());
            case "POST /guard/filter/outlet" -> outlet(request, body.toJsonObject());
            case "POST /echo-pipe/filter/inlet", "POST /echo-pipe/filter/outlet" -> {
                filterBodies.add(body.toJsonObject());
                reply(request, 200, body.toJsonObject().getJsonObject("body"));
            }
            default -> reply(request, 404, new JsonObject().put("detail", "Not Found"));
        }
    }

    private void inlet(HttpServerRequest request, JsonObject call) {
        filterBodies.add(call);
        JsonObject body = call.getJsonObject("body");
        JsonArray messages = body.getJsonArray("messages");
        JsonObject last = messages.getJsonObject(messages.size() - 1);
        if ("forbidden".equals(last.getString("content"))) {
            reply(request, 403, new JsonObject().put("detail", "The guard refused this message"));
            return;
        }
        last.put("content", "[guarded] " + last.getString("content"));
        reply(request, 200, body);
    }

    private void outlet(HttpServerRequest request, JsonObject call) {
        filterBodies.add(call);
        JsonObject body = call.getJsonObject("body");
        JsonArray messages = body.getJsonArray("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject message = messages.getJsonObject(i);
            if ("assistant".equals(message.getString("role"))) {
                message.put("content", message.getString("content") + " [checked]");
                break;
            }
        }
        reply(request, 200, body);
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
