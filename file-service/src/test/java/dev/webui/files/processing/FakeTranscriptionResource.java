package dev.webui.files.processing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for api-service's POST /api/v1/audio/transcriptions on loopback (TCP_NODELAY):
 * multipart {@code file} in, {@code {"text", "filename"}} or a {@code {"detail"}} error out. It
 * records the bearer token and the bytes of each file, by file name. Sets AUDIO_STT_ENGINE so
 * that file-service transcribes audio uploads.
 */
public class FakeTranscriptionResource implements QuarkusTestResourceLifecycleManager {
    record Seen(String authorization, String contentType, byte[] bytes) {
    }

    static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            Path uploads = Files.createTempDirectory("fake-transcriptions");
            Router router = Router.router(vertx);
            router.post("/api/v1/audio/transcriptions").handler(BodyHandler.create(uploads.toString()).setDeleteUploadedFilesOnEnd(true))
                    .blockingHandler(rc -> {
                        FileUpload file = rc.fileUploads().get(0);
                        byte[] bytes;
                        try {
                            bytes = Files.readAllBytes(Path.of(file.uploadedFileName()));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        SEEN.put(file.fileName(), new Seen(rc.request().getHeader("Authorization"), file.contentType(), bytes));
                        String content = new String(bytes, StandardCharsets.ISO_8859_1);
                        JsonObject answer;
                        int status = 200;
                        if (content.contains("broken")) {
                            status = 502;
                            answer = new JsonObject().put("detail", "The speech to text server failed (HTTP 500): model exploded");
                        } else if (content.contains("silence")) {
                            answer = new JsonObject().put("text", "").put("filename", "x.wav");
                        } else {
                            answer = new JsonObject().put("text", " The aardvark sings at dawn. ").put("filename", "x.wav");
                        }
                        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.encode());
                    });
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
                    .requestHandler(router).listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return Map.of("API_SERVICE_URL", "http://127.0.0.1:" + server.actualPort(), "AUDIO_STT_ENGINE", "openai");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
