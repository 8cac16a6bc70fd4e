package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import dev.webui.api.model.ModelCatalog;
import dev.webui.common.error.ApiException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * POST /ollama/models/upload and /ollama/models/download (admins, with and without {@code /:idx}):
 * a GGUF file, from the admin's browser (multipart field {@code file}) or from Hugging Face or
 * GitHub, goes to a temporary file on disk, then to Ollama as a blob. Progress is streamed as SSE
 * {@code data:} events ({@code progress}, {@code completed}, {@code total}), then one {@code done}
 * event or one {@code error} event, as v0.6.32 sends them.
 */
@ApplicationScoped
public class OllamaUploadRoutes {
    static final List<String> DOWNLOAD_HOSTS = List.of("https://huggingface.co/", "https://github.com/");

    private final OllamaRouter router;
    private final OllamaBlobs blobs;
    private final OllamaClient client;
    private final ModelCatalog catalog;
    private final Vertx vertx;
    private final ObjectMapper mapper;

    public OllamaUploadRoutes(OllamaRouter router, OllamaBlobs blobs, OllamaClient client, ModelCatalog catalog, Vertx vertx,
                              ObjectMapper mapper) {
        this.router = router;
        this.blobs = blobs;
        this.client = client;
        this.catalog = catalog;
        this.vertx = vertx;
        this.mapper = mapper;
    }

    void install(@Observes Router routes) {
        for (String path : List.of("/ollama/models/upload", "/ollama/models/upload/:idx")) {
            routes.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::upload);
        }
        for (String path : List.of("/ollama/models/download", "/ollama/models/download/:idx")) {
            routes.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(this::download);
        }
    }

    private void upload(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause();
        RouteCalls.withUser(rc, true, user -> {
            Integer idx = RouteCalls.index(rc);
            Connection connection = router.connection(idx == null ? 0 : idx);
            Promise<Path> received = Promise.promise();
            String[] name = new String[1];
            request.setExpectMultipart(true);
            request.uploadHandler(upload -> {
                if (name[0] != null || !"file".equals(upload.name())) {
                    upload.handler(chunk -> { }); // only the first "file" part is kept
                    return;
                }
                name[0] = Path.of(upload.filename().isBlank() ? "model.gguf" : upload.filename()).getFileName().toString();
                Path target = tempFile();
                upload.streamToFileSystem(target.toString()).onComplete(done -> {
                    if (done.succeeded()) {
                        received.tryComplete(target);
                    } else {
                        OllamaBlobs.delete(target);
                        received.tryFail(new ApiException(400, "The upload was interrupted"));
                    }
                });
            });
            request.exceptionHandler(e -> received.tryFail(new ApiException(400, "The upload was interrupted")));
            request.endHandler(v -> {
                if (name[0] == null) {
                    received.tryFail(ApiException.badRequest("Missing the file (multipart field 'file')"));
                }
            });
            request.resume();
            received.future().onComplete(file -> {
                if (file.failed()) {
                    RouteCalls.fail(rc, file.cause());
                    return;
                }
                Sse sse = new Sse(rc.response());
                String model = name[0].contains(".") ? name[0].substring(0, name[0].lastIndexOf('.')) : name[0];
                toOllama(sse, connection, file.result(), name[0])
                        .compose(digest -> blobs.create(connection, model, name[0], digest).map(created -> digest))
                        .onComplete(done -> {
                            OllamaBlobs.delete(file.result());
                            if (done.succeeded()) {
                                catalog.changed().subscribe().with(ok -> { }, e -> { });
                                sse.last(JsonNodeFactory.instance.objectNode().put("done", true).put("blob", done.result())
                                        .put("name", name[0]).put("model_created", model));
                            } else {
                                sse.fail(done.cause());
                            }
                        });
            });
        });
    }

    private void download(RoutingContext rc) {
        RouteCalls.withUser(rc, true, user -> {
            JsonNode body;
            try {
                body = mapper.readTree(rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes());
            } catch (IOException e) {
                throw ApiException.badRequest("The request body is not valid JSON");
            }
            String url = body == null ? null : body.path("url").textValue();
            if (url == null || DOWNLOAD_HOSTS.stream().noneMatch(url::startsWith)) {
                throw ApiException.badRequest("Invalid file_url. Only URLs from allowed hosts are permitted.");
            }
            String fileName = Path.of(URI.create(url).getPath()).getFileName().toString();
            Integer idx = RouteCalls.index(rc);
            Connection connection = router.connection(idx == null ? 0 : idx);
            client.download(url).onComplete(opened -> {
                if (opened.failed()) {
                    RouteCalls.fail(rc, opened.cause());
                    return;
                }
                HttpClientResponse response = opened.result();
                response.pause(); // until the file is open
                Sse sse = new Sse(rc.response());
                Path target = tempFile();
                String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
                long total = length == null ? 0 : Long.parseLong(length);
                vertx.fileSystem().open(target.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                        .compose(file -> save(response, file, sse, total))
                        .compose(saved -> blobs.digest(target))
                        .compose(digest -> blobs.push(connection, target, digest, sent -> { }).map(v -> digest))
                        .onComplete(done -> {
                            OllamaBlobs.delete(target);
                            if (done.succeeded()) {
                                sse.last(JsonNodeFactory.instance.objectNode().put("done", true).put("blob", done.result())
                                        .put("name", fileName));
                            } else {
                                sse.fail(done.cause());
                            }
                        });
            });
        });
    }

    /** Writes the download to disk, reading only as fast as the disk takes it. */
    private static Future<Void> save(HttpClientResponse response, AsyncFile file, Sse sse, long total) {
        Promise<Void> saved = Promise.promise();
        long[] count = {0};
        response.handler(chunk -> {
            file.write(chunk);
            count[0] += chunk.length();
            sse.progress(count[0], Math.max(total, count[0]));
            if (file.writeQueueFull()) {
                response.pause();
                file.drainHandler(v -> response.resume());
            }
        });
        response.exceptionHandler(e -> file.close().onComplete(v -> saved.tryFail(OllamaClient.fault(e, null))));
        response.endHandler(v -> file.close().onComplete(saved));
        response.resume();
        return saved.future();
    }

    /** Hashes the file, then sends it with progress events; answers the digest. */
    private Future<String> toOllama(Sse sse, Connection connection, Path file, String name) {
        long total;
        try {
            total = Files.size(file);
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return blobs.digest(file).compose(digest -> blobs.push(connection, file, digest, sent -> sse.progress(sent, total))
                .map(v -> digest));
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("ollama-", ".gguf");
        } catch (IOException e) {
            throw new ApiException(500, "No room for the upload");
        }
    }

    /** The SSE answer: headers on the first event; progress only when the percentage moves. */
    private final class Sse {
        private final HttpServerResponse out;
        private long lastPercent = -1;

        Sse(HttpServerResponse out) {
            this.out = out;
        }

        void progress(long completed, long total) {
            long percent = total <= 0 ? 0 : completed * 100 / total;
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("progress", total <= 0 ? 0 : Math.round(completed * 10000.0 / total) / 100.0);
            event.put("completed", completed);
            event.put("total", total);
            send(event, false);
        }

        void last(ObjectNode event) {
            send(event, true);
        }

        void fail(Throwable e) {
            String detail = e instanceof ApiException api ? api.detail() : String.valueOf(e.getMessage());
            send(JsonNodeFactory.instance.objectNode().put("error", detail), true);
        }

        private void send(ObjectNode event, boolean end) {
            if (out.closed() || out.ended()) {
                return;
            }
            if (!out.headWritten()) {
                out.setStatusCode(200).setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            }
            String line = "data: " + event + "\n\n";
            if (end) {
                out.end(line);
            } else {
                out.write(line);
            }
        }
    }
}
