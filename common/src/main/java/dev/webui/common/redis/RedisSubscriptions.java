package dev.webui.common.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Opens Redis pub/sub subscriptions whose start is certain. The client's own subscribe installs its
 * message handler only after the SUBSCRIBE went out, so a fast confirmation can arrive before it and be
 * dropped ("No handler waiting for message: [subscribe, ...]"): the subscription then works but never
 * reports that it does, and whoever waits for it waits forever. Here the handler is in place before
 * the command is sent, and the subscription is live once Redis confirms a private marker channel
 * listed last (Redis confirms channels in order, and the last confirmation always reaches the handler,
 * whichever protocol version the connection speaks).
 */
@ApplicationScoped
public class RedisSubscriptions {
    /** How long Redis gets to confirm a subscription before the attempt fails. */
    static final Duration CONFIRM_WAIT = Duration.ofSeconds(5);

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public RedisSubscriptions(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * Subscribes to {@code channels} on a connection of its own. {@code received} gets (channel, message) on a
     * duplicated Vert.x context; {@code ended} runs at most once, when the connection ends or fails after the
     * subscription was confirmed (not after {@link RedisSubscription#close()}). Fails when Redis is unreachable or
     * does not confirm within {@link #CONFIRM_WAIT}.
     */
    public Uni<RedisSubscription> subscribe(List<String> channels, BiConsumer<String, String> received, Runnable ended) {
        if (channels.isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException("A subscription names at least one channel"));
        }
        String marker = keys.subscriptionMarker(UUID.randomUUID().toString());
        return redis.getRedis().connect().chain(connection -> {
            CompletableFuture<Void> confirmed = new CompletableFuture<>();
            AtomicBoolean closed = new AtomicBoolean();
            RedisSubscription subscription = new RedisSubscription(connection, closed);
            Runnable end = () -> {
                if (closed.compareAndSet(false, true)) {
                    if (confirmed.isDone()) {
                        ended.run();
                    } else {
                        confirmed.completeExceptionally(new IllegalStateException("The Redis connection ended before the subscription"));
                    }
                }
            };
            connection.handler(response -> onResponse(response, marker, confirmed, closed, received));
            connection.endHandler(end);
            connection.exceptionHandler(e -> {
                end.run();
                connection.close().subscribe().with(ok -> { }, ignored -> { });
            });
            List<String> all = new ArrayList<>(channels);
            all.add(marker);
            Request subscribe = Request.cmd(Command.SUBSCRIBE);
            all.forEach(subscribe::arg);
            return connection.send(subscribe).replaceWithVoid()
                    .chain(() -> Uni.createFrom().completionStage(confirmed))
                    .ifNoItem().after(CONFIRM_WAIT).failWith(() -> new TimeoutException("Redis did not confirm the subscription to " + channels))
                    .replaceWith(subscription)
                    .onFailure().call(e -> {
                        closed.set(true);
                        return connection.close().onFailure().recoverWithNull();
                    });
        });
    }

    private static void onResponse(Response response, String marker, CompletableFuture<Void> confirmed, AtomicBoolean closed,
                                   BiConsumer<String, String> received) {
        if (response == null || response.size() < 3 || closed.get()) {
            return;
        }
        String kind = response.get(0).toString();
        if ("message".equalsIgnoreCase(kind)) {
            String channel = response.get(1).toString();
            String message = response.get(2).toString();
            onDuplicatedContext(() -> received.accept(channel, message));
        } else if ("subscribe".equalsIgnoreCase(kind) && marker.equals(response.get(1).toString())) {
            confirmed.complete(null);
        }
    }

    /** As the client's own subscriptions do: handlers may use context-bound APIs (reactive SQL, Hibernate Reactive). */
    private static void onDuplicatedContext(Runnable action) {
        Context current = Vertx.currentContext();
        if (current == null) {
            action.run();
            return;
        }
        Context duplicated = VertxContext.getOrCreateDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(duplicated, true);
        duplicated.runOnContext(v -> action.run());
    }

    /** A confirmed subscription; {@link #close()} ends it (its {@code ended} callback does not run then). */
    public static final class RedisSubscription {
        private final RedisConnection connection;
        private final AtomicBoolean closed;

        RedisSubscription(RedisConnection connection, AtomicBoolean closed) {
            this.connection = connection;
            this.closed = closed;
        }

        public void close() {
            if (closed.compareAndSet(false, true)) {
                connection.close().subscribe().with(ok -> { }, e -> { });
            }
        }
    }
}
