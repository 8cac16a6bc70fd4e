package dev.webui.api.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.testing.TestRedis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A browser tab as the bridge's event calls reach it: watches the call channel in Redis over its
 * own connection (so the service's own subscriptions are untouched), keeps every call and publishes
 * {@code answer(call)} as the ack on the call's {@code reply_to} channel (no ack when it is
 * {@link #SILENT}). For a call that names a stream ({@code listen}), {@code then} may publish what the
 * bridge would forward from the socket ({@link Stream}); releases are kept in {@link #releases}.
 * Acks and items go out over a second connection kept open for the fake's life: a publish costs a
 * round trip, not a process start, so the service's ack and idle timeouts hold on a loaded machine.
 */
public final class FakeBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An answer that sends no ack, as a tab that never answers. */
    public static final Object SILENT = new Object();
    public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    public final List<String> releases = new CopyOnWriteArrayList<>();
    private final RespConnection subscriber = new RespConnection(TestRedis.SHARED_URL);
    private final RespConnection publisher = new RespConnection(TestRedis.SHARED_URL);
    private volatile boolean closed;

    /** What the bridge publishes for the socket's stream items. */
    public final class Stream {
        private final JsonNode call;

        private Stream(JsonNode call) {
            this.call = call;
        }

        public void item(Object item) {
            publish(call.path("reply_to").asText(), Map.of("id", call.path("id").asText(), "item", item));
        }

        /** The bridge stopped forwarding: "disconnected" or "timeout". */
        public void end(String reason) {
            publish(call.path("reply_to").asText(), Map.of("id", call.path("id").asText(), "end", reason));
        }
    }

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer) throws Exception {
        this(callChannel, answer, (call, stream) -> { });
    }

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer, BiConsumer<JsonNode, Stream> then) throws Exception {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                subscriber.send("SUBSCRIBE", callChannel);
                while (!closed) {
                    List<?> push = (List<?>) subscriber.read();
                    if ("subscribe".equals(push.get(0))) {
                        subscribed.complete(null);
                    } else if ("message".equals(push.get(0))) {
                        handle(JSON.readTree((String) push.get(2)), answer, then);
                    }
                }
            } catch (Exception e) {
                subscribed.completeExceptionally(e);
            }
        }, "fake-browser");
        reader.setDaemon(true);
        reader.start();
        try {
            subscribed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void handle(JsonNode call, Function<JsonNode, Object> answer, BiConsumer<JsonNode, Stream> then) {
        if (call.has("release")) {
            releases.add(call.get("release").asText());
            return;
        }
        calls.add(call);
        Object result = answer.apply(call);
        if (result != SILENT) {
            publish(call.path("reply_to").asText(), Map.of("id", call.path("id").asText(), "result", result));
        }
        if (call.hasNonNull("listen")) {
            then.accept(call, new Stream(call));
        }
    }

    private void publish(String channel, Object message) {
        if (closed) {
            return; // a closed tab sends nothing more
        }
        try {
            publisher.command("PUBLISH", channel, JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        subscriber.close();
        publisher.close();
    }
}
