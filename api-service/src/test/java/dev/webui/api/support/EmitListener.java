package dev.webui.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.subscription.Cancellable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects the emit requests api-service publishes for the bridge, to assert what browsers would get. */
public final class EmitListener implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final Cancellable subscription;
    /** Requests {@link #next} passed over. */
    public final List<JsonNode> skipped = new ArrayList<>();

    public EmitListener(ReactiveRedisDataSource redis, String channel, ObjectMapper json) {
        subscription = redis.pubsub(String.class).subscribe(channel).subscribe().with(message -> {
            try {
                received.add(json.readTree(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Redis confirms SUBSCRIBE asynchronously: publish probes until one comes back.
        Instant deadline = Instant.now().plus(WAIT);
        String probe = "{\"event\":\"probe\"}";
        while (true) {
            redis.pubsub(String.class).publish(channel, probe).await().atMost(WAIT);
            try {
                JsonNode first = received.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    received.clear();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Subscription to " + channel + " never became active");
            }
        }
    }

    /** The next request matching {@code filter}, skipping others (which are kept in {@link #skipped}). */
    public JsonNode next(Predicate<JsonNode> filter) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode item = received.poll(200, TimeUnit.MILLISECONDS);
                if (item != null && filter.test(item)) {
                    return item;
                }
                if (item != null) {
                    skipped.add(item);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No matching emit request within " + WAIT + "; skipped: " + skipped);
    }

    /** Everything received so far, without waiting. */
    public List<JsonNode> drain() {
        List<JsonNode> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        subscription.cancel();
    }
}
