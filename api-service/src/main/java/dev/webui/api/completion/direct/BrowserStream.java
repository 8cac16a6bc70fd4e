package dev.webui.api.completion.direct;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.completion.UpstreamFault;
import dev.webui.common.events.CallItem;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The answer a browser streams for a direct connection, as SSE bytes: each item it sends on the
 * request's channel becomes one event (a JSON object as {@code data: <object>}, a text as the line it
 * is), {@code {"done": true}} ends it. Items arrive on a Redis thread and are handed over on the
 * completion's context. What waits for a paused reader (or for the browser's ack) is bounded.
 */
final class BrowserStream implements ReadStream<Buffer> {
    /** Bytes held for a reader that does not take them; past this the answer fails. */
    static final int MAX_HELD_BYTES = 4 * 1024 * 1024;
    private static final Buffer END = Buffer.buffer();
    private static final Buffer FAILED = Buffer.buffer();

    private final Context context;
    private final Runnable onFinished;
    private final Deque<Buffer> held = new ArrayDeque<>();
    private long heldBytes;
    private long demand = Long.MAX_VALUE;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private boolean finished;
    private Throwable failure;
    /** Why the stream fails once the reader reaches {@link #FAILED} (what arrived before it is still read). */
    private Throwable failAfterHeld;

    /** @param onFinished runs once when the stream ends, fails or is cancelled (stops the forwarding) */
    BrowserStream(Context context, Runnable onFinished) {
        this.context = context;
        this.onFinished = onFinished;
    }

    /** From any thread: one item of the channel, or the bridge's end. */
    void offer(CallItem item) {
        context.runOnContext(v -> accept(item));
    }

    /** The completion no longer wants the answer. */
    void cancel() {
        context.runOnContext(v -> finish(null, false));
    }

    private void accept(CallItem item) {
        if (finished) {
            return;
        }
        if (item.end() != null) {
            failAfterHeld = new UpstreamFault(CallItem.TIMEOUT.equals(item.end()) ? 504 : 502, CallItem.DISCONNECTED.equals(item.end())
                    ? "The browser that runs the direct connection went away before the answer was complete"
                    : "The browser stopped sending the direct connection's answer");
            hold(FAILED);
            drain();
            return;
        }
        JsonNode data = item.item();
        if (data == null || data.isNull()) {
            return;
        }
        if (data.isObject() && data.path("done").asBoolean(false)) {
            hold(Buffer.buffer("data: [DONE]\n\n"));
            hold(END);
        } else if (data.isTextual()) {
            String text = data.textValue();
            hold(Buffer.buffer(text.endsWith("\n") ? text : text + "\n\n", StandardCharsets.UTF_8.name()));
        } else {
            hold(Buffer.buffer("data: " + data + "\n\n", StandardCharsets.UTF_8.name()));
        }
        drain();
    }

    private void hold(Buffer buffer) {
        held.add(buffer);
        heldBytes += buffer.length();
        if (heldBytes > MAX_HELD_BYTES) {
            fail(new UpstreamFault(502, "The direct connection's answer came faster than it could be passed on"));
        }
    }

    private void drain() {
        while (!finished && handler != null && demand > 0 && !held.isEmpty()) {
            Buffer next = held.poll();
            heldBytes -= next.length();
            if (next == END || next == FAILED) {
                finish(next == END ? null : failAfterHeld, true);
                return;
            }
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            handler.handle(next);
        }
    }

    private void fail(Throwable error) {
        finish(error, true);
    }

    private void finish(Throwable error, boolean tell) {
        if (finished) {
            return;
        }
        finished = true;
        held.clear();
        heldBytes = 0;
        onFinished.run();
        if (!tell) {
            return;
        }
        if (error == null) {
            if (endHandler != null) {
                endHandler.handle(null);
            }
        } else if (exceptionHandler != null) {
            exceptionHandler.handle(error);
        } else {
            failure = error;
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        if (handler != null && failure != null) {
            Throwable early = failure;
            failure = null;
            handler.handle(early);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        // later, so the end and exception handlers the reader sets next are in place for what is already held
        context.runOnContext(v -> drain());
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        demand = 0;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        demand = Long.MAX_VALUE;
        drain();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        demand = demand == Long.MAX_VALUE || demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
        drain();
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}
