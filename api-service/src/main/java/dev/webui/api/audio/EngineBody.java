package dev.webui.api.audio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/** What a call to a speech engine sends: bytes in memory, or a file piped from disk (alone or in a form). */
public interface EngineBody {
    Future<HttpClientResponse> send(Vertx vertx, HttpClientRequest request);

    static EngineBody bytes(Buffer bytes) {
        return (vertx, request) -> request.send(bytes);
    }

    /** The file as the whole body, with its exact length. */
    static EngineBody file(String path, long size) {
        return (vertx, request) -> {
            request.putHeader("Content-Length", String.valueOf(size));
            return sendFile(vertx, request, path, Buffer.buffer(), Buffer.buffer());
        };
    }

    /**
     * Writes {@code before}, the file, then {@code after}. The answer is taken as soon as it comes
     * (an engine may refuse before reading everything); a failed write resets the request.
     */
    static Future<HttpClientResponse> sendFile(Vertx vertx, HttpClientRequest request, String path, Buffer before, Buffer after) {
        Future<HttpClientResponse> answer = request.response();
        vertx.fileSystem().open(path, new OpenOptions().setRead(true).setWrite(false).setCreate(false))
                .compose(file -> request.write(before)
                        .compose(v -> file.pipe().endOnSuccess(false).to(request))
                        .compose(v -> request.end(after))
                        .andThen(done -> file.close()))
                .onFailure(e -> request.reset(0, e));
        return answer;
    }
}
