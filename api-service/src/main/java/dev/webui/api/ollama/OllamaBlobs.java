package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * GGUF files to Ollama: the file's SHA-256 (read from disk in chunks, off the event loop), the
 * blob sent unless Ollama already has it ({@code HEAD /api/blobs/sha256:…}), streamed from disk
 * with flow control, then a model created from it. Nothing holds the whole file in memory.
 */
@ApplicationScoped
public class OllamaBlobs {
    private static final int CHUNK = 2 * 1024 * 1024;

    private final Vertx vertx;
    private final OllamaClient client;

    public OllamaBlobs(Vertx vertx, OllamaClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    public Future<String> digest(Path file) {
        return vertx.executeBlocking(() -> {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }, false);
    }

    /** Sends the blob unless Ollama has it; {@code sent} hears the bytes sent so far. */
    public Future<Void> push(Connection connection, Path file, String digest, LongConsumer sent) {
        String path = "/api/blobs/" + digest;
        return client.request(connection, HttpMethod.HEAD, path, client.timeoutSeconds())
                .compose(head -> head.send())
                .recover(e -> Future.failedFuture(OllamaClient.fault(e, connection)))
                .compose(head -> {
                    if (head.statusCode() == 200) {
                        return Future.succeededFuture();
                    }
                    return upload(connection, path, file, sent);
                });
    }

    /** POST /api/create with the blob as the model's only file. */
    public Future<JsonNode> create(Connection connection, String model, String fileName, String digest) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model).put("stream", false);
        body.putObject("files").put(fileName, digest);
        return client.call(connection, HttpMethod.POST, "/api/create", body);
    }

    private Future<Void> upload(Connection connection, String path, Path file, LongConsumer sent) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true)).compose(source ->
                client.request(connection, HttpMethod.POST, path, client.timeoutSeconds()).compose(request -> {
                    Promise<Void> done = Promise.promise();
                    long[] count = {0};
                    request.putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
                    request.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(size(file)));
                    request.response().onComplete(answer -> {
                        source.close();
                        if (answer.failed()) {
                            done.tryFail(OllamaClient.fault(answer.cause(), connection));
                        } else if (answer.result().statusCode() >= 300) {
                            answer.result().body();
                            done.tryFail(new dev.webui.common.error.ApiException(502,
                                    "Ollama: could not create the blob (HTTP " + answer.result().statusCode() + ")"));
                        } else {
                            done.tryComplete();
                        }
                    });
                    source.setReadBufferSize(64 * 1024);
                    source.handler(chunk -> {
                        request.write(chunk);
                        count[0] += chunk.length();
                        sent.accept(count[0]);
                        if (request.writeQueueFull()) {
                            source.pause();
                            request.drainHandler(v -> source.resume());
                        }
                    });
                    source.exceptionHandler(e -> {
                        request.reset();
                        done.tryFail(e);
                    });
                    source.endHandler(v -> request.end());
                    return done.future();
                }).onFailure(e -> source.close()));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a temp file; the OS cleans up what is left
        }
    }
}
