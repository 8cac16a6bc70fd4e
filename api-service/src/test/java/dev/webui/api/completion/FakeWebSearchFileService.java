package dev.webui.api.completion;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * file-service's web search as docs/web-search.md describes it, on loopback (TCP_NODELAY):
 * {@code POST /api/v1/retrieval/process/web/search} answers Open WebUI's shape for two fetched pages
 * (a collection, or the whole pages in {@link Mode#BYPASS}), or fails ({@link Mode#FAIL}), or never
 * answers ({@link Mode#SILENT}), or finds nothing ({@link Mode#EMPTY}); {@code /query/collection}
 * answers the collection's chunks to the token that searched.
 */
public final class FakeWebSearchFileService implements AutoCloseable {
    public enum Mode { COLLECTION, BYPASS, FAIL, SILENT, EMPTY }

    public static final String PAGE_ONE = "https://rivers.example/one";
    public static final String PAGE_TWO = "https://sediment.example/two";
    public static final String FACT_ONE = "Rivers carry 20 billion tonnes of sediment a year.";
    public static final String FACT_TWO = "Deltas form where sediment settles.";
    static final String COLLECTION = "web-search-fake";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public volatile Mode mode = Mode.COLLECTION;
    public final List<JsonObject> searches = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final List<JsonObject> queries = new CopyOnWriteArrayList<>();

    public FakeWebSearchFileService() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String authorization = String.valueOf(request.getHeader("Authorization"));
        request.body().onSuccess(bytes -> {
            JsonObject body = bytes.length() == 0 ? new JsonObject() : bytes.toJsonObject();
            switch (request.path()) {
                case "/api/v1/retrieval/process/web/search" -> search(request, body, authorization);
                case "/api/v1/retrieval/query/collection" -> query(request, body, authorization);
                default -> json(request, 404, new JsonObject().put("detail", "Not Found"));
            }
        });
    }

    private void search(HttpServerRequest request, JsonObject body, String authorization) {
        searches.add(body);
        authorizations.add(authorization);
        JsonArray items = new JsonArray()
                .add(new JsonObject().put("link", PAGE_ONE).put("title", "Rivers").put("snippet", "rivers"))
                .add(new JsonObject().put("link", PAGE_TWO).put("title", "Sediment").put("snippet", "sediment"));
        JsonObject answer = new JsonObject().put("status", true).put("items", items)
                .put("filenames", new JsonArray().add(PAGE_ONE).add(PAGE_TWO)).put("loaded_count", 2);
        switch (mode) {
            case SILENT -> { }
            case FAIL -> json(request, 400, new JsonObject().put("detail", "The search engine searxng answered HTTP 500"));
            case EMPTY -> json(request, 200, new JsonObject().put("status", true).put("items", new JsonArray())
                    .put("filenames", new JsonArray()).put("loaded_count", 0).put("collection_names", new JsonArray().add(COLLECTION)));
            case BYPASS -> json(request, 200, answer.putNull("collection_name").put("docs", new JsonArray()
                    .add(new JsonObject().put("content", FACT_ONE).put("metadata", meta(PAGE_ONE, "Rivers")))
                    .add(new JsonObject().put("content", FACT_TWO).put("metadata", meta(PAGE_TWO, "Sediment")))));
            default -> json(request, 200, answer.put("collection_names", new JsonArray().add(COLLECTION)));
        }
    }

    private void query(HttpServerRequest request, JsonObject body, String authorization) {
        queries.add(body);
        boolean mine = body.getJsonArray("collection_names", new JsonArray()).contains(COLLECTION)
                && authorizations.contains(authorization);
        JsonArray documents = mine ? new JsonArray().add(FACT_ONE).add(FACT_TWO) : new JsonArray();
        JsonArray metadatas = mine ? new JsonArray().add(meta(PAGE_ONE, "Rivers")).add(meta(PAGE_TWO, "Sediment")) : new JsonArray();
        JsonArray distances = mine ? new JsonArray().add(0.9).add(0.8) : new JsonArray();
        json(request, 200, new JsonObject().put("distances", new JsonArray().add(distances))
                .put("documents", new JsonArray().add(documents)).put("metadatas", new JsonArray().add(metadatas)));
    }

    private static JsonObject meta(String url, String title) {
        return new JsonObject().put("source", url).put("title", title);
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
