package dev.webui.api.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * file-service's retrieval endpoint as docs/files.md describes it: {@code POST
 * /api/v1/retrieval/query/collection} answers {@code {distances, documents, metadatas}} with one
 * inner list; collections the caller's token may not read are skipped (empty lists). {@code POST
 * /api/v1/retrieval/rank} answers the k texts with the highest {@link #similarity} (0 for a text
 * not in it), best first, as the embedding ranking would. With {@link #down} set, every
 * connection is closed before an answer (file-service unreachable); with {@link #silent} set, no
 * request is ever answered; the statuses queued in {@link #failures} answer the next requests with
 * that status. Every request is kept in {@link #received}, with its X-Request-Id. Uploads
 * ({@code POST /api/v1/files/}, multipart) are kept in {@link #stored} under a new id, with the
 * Authorization that made them; {@code GET /api/v1/files/{id}/content} serves a file to that same
 * Authorization only (404 for anyone else), as file-service's owner rule does.
 */
public final class FakeFileService implements AutoCloseable {
    /** A collection's chunks and the Authorization header allowed to read them. */
    public record Collection(String authorization, String fileId, String name, List<String> chunks) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public final Map<String, Collection> collections = new ConcurrentHashMap<>();
    public final List<JsonObject> queries = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** How similar in meaning each text is to any query, for /rank. */
    public final Map<String, Double> similarity = new ConcurrentHashMap<>();
    /** The bodies /rank received, with the Authorization header of each. */
    public final List<JsonObject> ranks = new CopyOnWriteArrayList<>();
    public final List<String> rankAuthorizations = new CopyOnWriteArrayList<>();
    public volatile boolean down;
    public volatile boolean silent;
    public final Queue<Integer> failures = new ConcurrentLinkedQueue<>();

    /** A request as it arrived: path and X-Request-Id header (null when absent). */
    public record Received(String path, String requestId) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();

    /** An uploaded file: who uploaded it, its name, type, bytes, the metadata form field and the process query. */
    public record StoredFile(String authorization, String name, String contentType, byte[] content, String metadata, String process) {
    }

    public final Map<String, StoredFile> stored = new ConcurrentHashMap<>();

    /** How many requests reached {@code path}. */
    public long attempts(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Forgets the requests and failure settings of earlier tests (the collections stay). */
    public void reset() {
        down = false;
        silent = false;
        failures.clear();
        received.clear();
    }

    public FakeFileService() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        if (down) {
            request.connection().close();
            return;
        }
        received.add(new Received(request.path(), request.getHeader("X-Request-Id")));
        if (silent) {
            return;
        }
        Integer failure = failures.poll();
        if (failure != null) {
            request.response().setStatusCode(failure).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("detail", "failing on purpose").encode());
            return;
        }
        if (request.path().equals("/api/v1/retrieval/rank")) {
            rank(request);
            return;
        }
        if (request.path().equals("/api/v1/files/") && request.method() == HttpMethod.POST) {
            upload(request);
            return;
        }
        if (request.path().startsWith("/api/v1/files/") && request.path().endsWith("/content")) {
            content(request);
            return;
        }
        if (!request.path().equals("/api/v1/retrieval/query/collection")) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("detail", "Not Found").encode());
            return;
        }
        String authorization = String.valueOf(request.getHeader("Authorization"));
        request.body().onSuccess(bytes -> {
            JsonObject body = bytes.toJsonObject();
            queries.add(body);
            authorizations.add(authorization);
            JsonArray distances = new JsonArray();
            JsonArray documents = new JsonArray();
            JsonArray metadatas = new JsonArray();
            for (Object name : body.getJsonArray("collection_names")) {
                Collection collection = collections.get(String.valueOf(name));
                if (collection == null || !collection.authorization().equals(authorization)) {
                    continue;
                }
                double distance = 0.9;
                for (String chunk : collection.chunks()) {
                    distances.add(distance);
                    distance -= 0.1;
                    documents.add(chunk);
                    metadatas.add(new JsonObject().put("file_id", collection.fileId()).put("name", collection.name())
                            .put("source", collection.name()).put("created_by", "owner"));
                }
            }
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("distances", new JsonArray().add(distances)).put("documents", new JsonArray().add(documents))
                    .put("metadatas", new JsonArray().add(metadatas)).encode());
        });
    }

    private void upload(HttpServerRequest request) {
        String authorization = String.valueOf(request.getHeader("Authorization"));
        String process = request.getParam("process");
        request.setExpectMultipart(true);
        Buffer content = Buffer.buffer();
        String[] file = new String[2];
        request.uploadHandler(upload -> {
            file[0] = upload.filename();
            file[1] = upload.contentType();
            upload.handler(content::appendBuffer);
        });
        request.endHandler(v -> {
            String id = UUID.randomUUID().toString();
            stored.put(id, new StoredFile(authorization, file[0], file[1], content.getBytes(),
                    request.formAttributes().get("metadata"), process));
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("id", id)
                    .put("filename", file[0]).put("meta", new JsonObject().put("name", file[0]).put("content_type", file[1]))
                    .put("status", true).encode());
        });
    }

    private void content(HttpServerRequest request) {
        String id = request.path().substring("/api/v1/files/".length(), request.path().length() - "/content".length());
        StoredFile file = stored.get(id);
        if (file == null || !file.authorization().equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("detail", "We could not find what you are looking for :/").encode());
            return;
        }
        request.response().putHeader("Content-Type", file.contentType()).end(Buffer.buffer(file.content()));
    }

    private void rank(HttpServerRequest request) {
        String authorization = String.valueOf(request.getHeader("Authorization"));
        request.body().onSuccess(bytes -> {
            JsonObject body = bytes.toJsonObject();
            ranks.add(body);
            rankAuthorizations.add(authorization);
            JsonArray texts = body.getJsonArray("texts");
            JsonArray results = new JsonArray();
            IntStream.range(0, texts.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> similarity.getOrDefault(texts.getString(i), 0.0)).reversed())
                    .limit(body.getInteger("k", 3))
                    .forEach(i -> results.add(new JsonObject().put("index", i).put("score", similarity.getOrDefault(texts.getString(i), 0.0))));
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("results", results).encode());
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
