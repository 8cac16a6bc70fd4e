package dev.webui.api.ollama;

import dev.webui.common.error.ApiException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Relays one Ollama answer to the caller chunk by chunk: Ollama is paused while the caller's
 * write queue is full (memory stays bounded whatever the caller's speed), dropped when the caller
 * goes away, and given up with 504 when it stays silent longer than the timeout (Vert.x's idle
 * timeout stops watching once the headers have arrived). A failure before the first byte is a
 * {@code {"detail"}} answer; after it, the connection is closed so the caller sees a cut stream.
 */
final class StreamRelay {
    private final Vertx vertx;
    private final RoutingContext rc;
    private final HttpClientResponse upstream;
    private final long timeoutMs;
    private final Runnable onSuccess;
    private long lastData = System.nanoTime();
    private boolean waitingForCaller;
    private boolean finished;
    private long watch = -1;

    StreamRelay(Vertx vertx, RoutingContext rc, HttpClientResponse upstream, int timeoutSeconds, Runnable onSuccess) {
        this.vertx = vertx;
        this.rc = rc;
        this.upstream = upstream;
        this.timeoutMs = timeoutSeconds * 1000L;
        this.onSuccess = onSuccess;
    }

    void start(String contentType) {
        HttpServerResponse out = rc.response();
        if (out.closed()) {
            upstream.request().reset();
            return;
        }
        out.setStatusCode(upstream.statusCode()).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType == null ? "application/json" : contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        out.closeHandler(v -> {
            if (!finished) {
                finish();
                upstream.request().reset();
            }
        });
        upstream.handler(chunk -> {
            lastData = System.nanoTime();
            out.write(chunk);
            if (out.writeQueueFull()) {
                waitingForCaller = true;
                upstream.pause();
                out.drainHandler(v -> {
                    waitingForCaller = false;
                    lastData = System.nanoTime();
                    upstream.resume();
                });
            }
        });
        // the client's own idle timeout may close the connection first: after that long a silence it is the same 504
        upstream.exceptionHandler(e -> fail(silentFor() >= timeoutMs * 9 / 10 ? silent() : OllamaClient.fault(e, null)));
        upstream.endHandler(v -> {
            if (!finished) {
                finish();
                out.end();
                onSuccess.run();
            }
        });
        watch = vertx.setPeriodic(Math.max(100, Math.min(1000, timeoutMs / 4)), id -> {
            if (!waitingForCaller && silentFor() > timeoutMs) {
                upstream.request().reset();
                fail(silent());
            }
        });
    }

    private long silentFor() {
        return (System.nanoTime() - lastData) / 1_000_000;
    }

    private static ApiException silent() {
        return new ApiException(504, "Ollama did not answer in time");
    }

    private void fail(ApiException e) {
        if (finished) {
            return;
        }
        finish();
        HttpServerResponse out = rc.response();
        if (out.closed()) {
            return;
        }
        if (out.headWritten()) {
            rc.request().connection().close();
        } else {
            RouteCalls.fail(rc, e);
        }
    }

    private void finish() {
        finished = true;
        if (watch != -1) {
            vertx.cancelTimer(watch);
        }
    }
}
