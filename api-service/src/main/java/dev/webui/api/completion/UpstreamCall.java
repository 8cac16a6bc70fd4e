package dev.webui.api.completion;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;

/**
 * A handle on one upstream request: it can be cancelled at any time, even before it was sent, and
 * it watches for a provider that goes silent mid-stream (the idle limit counts from the last byte).
 */
public final class UpstreamCall {
    private Runnable abort;
    private boolean cancelled;
    private volatile long lastActivity = System.nanoTime();
    private Vertx vertx;
    private long watchdog = -1;

    synchronized boolean attach(HttpClientRequest request) {
        return onCancel(request::reset);
    }

    /**
     * What tears the answer down when the call is cancelled (run at once when it already was).
     * @return false when the call was already cancelled
     */
    public synchronized boolean onCancel(Runnable abort) {
        this.abort = abort;
        if (cancelled) {
            abort.run();
        }
        return !cancelled;
    }

    /** Calls {@code onIdle} once if no data arrives for {@code idleMillis}; stops when the call ends. */
    synchronized void watch(Vertx vertx, long idleMillis, Runnable onIdle) {
        this.vertx = vertx;
        touch();
        watchdog = vertx.setPeriodic(Math.max(100, Math.min(1000, idleMillis / 4)), id -> {
            if (System.nanoTime() - lastActivity > idleMillis * 1_000_000L) {
                stopWatching();
                onIdle.run();
            }
        });
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Aborts the request (closing its stream or connection), so the provider stops generating. */
    public void cancel() {
        Runnable current;
        synchronized (this) {
            stopWatching();
            if (cancelled) {
                return;
            }
            cancelled = true;
            current = abort;
        }
        if (current != null) {
            current.run();
        }
    }

    /** The answer ended normally: later cancels do nothing, so the connection stays reusable. */
    public synchronized void completed() {
        stopWatching();
        cancelled = true;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    private synchronized void stopWatching() {
        if (watchdog >= 0) {
            vertx.cancelTimer(watchdog);
            watchdog = -1;
        }
    }
}
