package dev.webui.api.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.redis.RedisSubscriptions;
import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A browser tab as the bridge's event calls reach it: watches the call channel in Redis over a
 * subscription of its own (so the service's own subscriptions are untouched), keeps every call and
 * publishes {@code answer(call)} as the ack on the call's {@code reply_to} channel (no ack when it is
 * {@link #SILENT}). For a call that names a stream ({@code listen}), {@code then} may publish what the
 * bridge would forward from the socket ({@link Stream}); releases are kept in {@link #releases}.
 * Calls are handled one at a time, in order, on a thread of the fake's own; publishing uses the
 * service's Redis client, so a publish costs a round trip and the service's timeouts hold under load.
 */
public final class FakeBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An answer that sends no ack, as a tab that never answers. */
    public static final Object SILENT = new Object();
    public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    public final List<String> releases = new CopyOnWriteArrayList<>();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ReactiveRedisDataSource redis = Arc.container().instance(ReactiveRedisDataSource.class).get();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final RedisSubscriptions.RedisSubscription subscription;
    private final Thread worker;
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

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer) {
        this(callChannel, answer, (call, stream) -> { });
    }

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer, BiConsumer<JsonNode, Stream> then) {
        subscription = Arc.container().instance(RedisSubscriptions.class).get()
                .subscribe(List.of(callChannel), (channel, message) -> received.add(message), () -> { })
                .await().atMost(WAIT);
        worker = new Thread(() -> {
            try {
                while (!closed) {
                    handle(JSON.readTree(received.take()), answer, then);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }, "fake-browser");
        worker.setDaemon(true);
        worker.start();
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
            redis.pubsub(String.class).publish(channel, JSON.writeValueAsString(message)).await().atMost(WAIT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
        worker.interrupt();
    }
}
