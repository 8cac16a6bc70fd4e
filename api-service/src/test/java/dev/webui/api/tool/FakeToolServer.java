package dev.webui.api.tool;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAPI tool server on loopback (Vert.x, TCP_NODELAY): serves its document and echoes what
 * each call carried (path, query, headers, body) so the tests can see where the arguments went.
 */
final class FakeToolServer implements AutoCloseable {
    static final String DOCUMENT = """
            {"openapi": "3.0.3",
             "info": {"title": "Inventory", "description": "Items in stock"},
             "paths": {
               "/items/{id}": {
                 "parameters": [{"$ref": "#/components/parameters/Trace"}],
                 "get": {"operationId": "getItem", "summary": "One item",
                   "parameters": [
                     {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "Item id"},
                     {"name": "q", "in": "query", "schema": {"type": "string"}},
                     {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}]}},
               "/items": {
                 "post": {"operationId": "createItem", "description": "Adds an item",
                   "parameters": [{"name": "dry_run", "in": "query", "schema": {"type": "boolean"}}],
                   "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewItem"}}}}}},
               "/batch": {
                 "put": {"operationId": "putBatch",
                   "requestBody": {"content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/NewItem"}}}}}}},
               "/fail": {"get": {"operationId": "alwaysFails"}},
               "/slow": {"get": {"operationId": "neverAnswers"}},
               "/html": {"get": {"summary": "no operation id, so no function"}}
             },
             "components": {
               "parameters": {"Trace": {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}},
               "schemas": {
                 "NewItem": {"type": "object", "required": ["name"], "properties": {
                   "name": {"type": "string"}, "count": {"type": "integer"}, "owner": {"$ref": "#/components/schemas/Owner"}}},
                 "Owner": {"type": "object", "properties": {"email": {"type": "string"}}}}}}
            """;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    /** The Authorization header of every request, in order ("" when there was none). */
    final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

    FakeToolServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
                .requestHandler(this::handle).listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String auth = request.getHeader("Authorization");
        authorizations.add(auth == null ? "" : auth);
        String path = request.path();
        if (path.equals("/openapi.json")) {
            request.response().putHeader("Content-Type", "application/json").end(DOCUMENT);
        } else if (path.equals("/fail")) {
            request.response().setStatusCode(500).end("{\"detail\": \"the warehouse is on fire\"}");
        } else if (path.equals("/slow")) {
            return; // never answers: the caller's timeout must end the call
        } else {
            request.body().onSuccess(body -> {
                JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", path)
                        .put("query", request.query()).put("tags", new JsonArray(request.params().getAll("tags")))
                        .put("q", request.getParam("q")).put("trace", request.getHeader("X-Trace"))
                        .put("authorization", auth).put("body", body.length() == 0 ? null : body.toString());
                request.response().putHeader("Content-Type", "application/json").end(echo.encode());
            });
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
