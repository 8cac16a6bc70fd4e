package dev.webui.api.audio;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Serves a cached entry in slices of 256 KB, reading the next slice once the browser has taken the last. */
final class CachedSpeech {
    private static final int SLICE = 256 * 1024;

    private final SpeechCache cache;
    private final String key;
    private final SpeechCache.Entry entry;
    private final HttpServerResponse to;
    private final Context context = Vertx.currentContext();
    private long sent;

    CachedSpeech(SpeechCache cache, String key, SpeechCache.Entry entry, HttpServerResponse to) {
        this.cache = cache;
        this.key = key;
        this.entry = entry;
        this.to = to;
    }

    void run() {
        to.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType())
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(entry.size()))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        next();
    }

    private void next() {
        if (to.closed()) {
            return;
        }
        if (sent >= entry.size()) {
            to.end();
            return;
        }
        int length = (int) Math.min(SLICE, entry.size() - sent);
        cache.slice(key, sent, length).subscribe().with(
                part -> context.runOnContext(v -> write(part.orElse(null))),
                e -> context.runOnContext(v -> to.reset()));
    }

    private void write(io.vertx.core.buffer.Buffer part) {
        if (part == null || part.length() == 0) { // evicted meanwhile: the length promised cannot be kept
            to.reset();
            return;
        }
        sent += part.length();
        to.write(part);
        if (to.writeQueueFull()) {
            to.drainHandler(v -> next());
        } else {
            next();
        }
    }
}
