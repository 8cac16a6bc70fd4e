package dev.webui.api.audio;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.function.Function;

/**
 * Relays an engine's audio to the browser chunk by chunk, pausing the engine while the browser
 * is slow. A copy is kept for the cache up to the entry limit (longer speech is only relayed);
 * once stored, the answer ends. A browser that goes away stops the engine; an engine that breaks
 * off cuts the browser's connection (the status is already sent) and nothing is cached.
 */
final class SpeechRelay {
    private final HttpClientResponse from;
    private final HttpServerResponse to;
    private final long keepAtMost;
    private final Function<Buffer, Uni<Void>> store;
    private Buffer kept = Buffer.buffer();
    private boolean finished;

    SpeechRelay(HttpClientResponse from, HttpServerResponse to, long keepAtMost, Function<Buffer, Uni<Void>> store) {
        this.from = from;
        this.to = to;
        this.keepAtMost = keepAtMost;
        this.store = store;
    }

    static String contentType(HttpClientResponse response) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        return type == null || type.isBlank() || !type.contains("/") ? "audio/mpeg" : type;
    }

    void run() {
        String declared = from.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > keepAtMost) {
            kept = null;
        }
        to.setStatusCode(200).setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, contentType(from))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        to.closeHandler(v -> {
            if (!finished) {
                finished = true;
                from.request().reset();
            }
        });
        from.exceptionHandler(e -> {
            if (!finished) {
                finished = true;
                to.reset();
            }
        });
        from.handler(chunk -> {
            if (finished) {
                return;
            }
            if (kept != null) {
                if (kept.length() + chunk.length() <= keepAtMost) {
                    kept.appendBuffer(chunk);
                } else {
                    kept = null;
                }
            }
            to.write(chunk);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
        from.endHandler(v -> {
            if (finished) {
                return;
            }
            finished = true;
            if (kept == null || kept.length() == 0) {
                to.end();
                return;
            }
            store.apply(kept).subscribe().with(done -> to.end(), e -> to.end());
        });
    }
}
