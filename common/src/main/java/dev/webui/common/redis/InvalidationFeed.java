package dev.webui.common.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Feeds a per-replica cache with change announcements from Redis channels. The cache may keep
 * entries only while {@link #listening()}: announcements sent while the subscription is down are
 * lost, so {@code reset} runs whenever the subscription is lost and again once it is back, and
 * the feed reconnects until {@link #stop()}.
 */
public final class InvalidationFeed {
    private static final Logger LOG = Logger.getLogger(InvalidationFeed.class);

    private final ReactiveRedisDataSource redis;
    private final List<String> channels;
    private final BiConsumer<String, String> received;
    private final Runnable reset;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong attempts = new AtomicLong();
    private volatile boolean listening;
    private volatile ReactiveRedisSubscriber subscriber;

    /** {@code received} gets (channel, message); {@code reset} drops everything the cache holds. */
    public InvalidationFeed(ReactiveRedisDataSource redis, List<String> channels, BiConsumer<String, String> received, Runnable reset) {
        this.redis = redis;
        this.channels = List.copyOf(channels);
        this.received = received;
        this.reset = reset;
    }

    public boolean listening() {
        return listening;
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            connect();
        }
    }

    public void stop() {
        running.set(false);
        attempts.incrementAndGet();
        listening = false;
        reset.run();
        ReactiveRedisSubscriber current = subscriber;
        if (current != null) {
            current.unsubscribe().subscribe().with(ok -> { }, e -> { });
        }
    }

    // one number per connection attempt, so the end of an old subscription never touches a newer one
    private void connect() {
        long attempt = attempts.incrementAndGet();
        // the first failure of a reconnection is logged, the retries after it only at debug level
        AtomicLong failures = new AtomicLong();
        Uni.createFrom().deferred(() -> current(attempt) ? subscribe(attempt) : Uni.createFrom().<ReactiveRedisSubscriber>nullItem())
                .onFailure().invoke(e -> {
                    if (failures.incrementAndGet() == 1) {
                        LOG.warnf("Change subscription on %s failed (%s); caches stay off, retrying", channels, e.getMessage());
                    } else {
                        LOG.debugf("Change subscription on %s failed again (%s)", channels, e.getMessage());
                    }
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(1)).atMost(Long.MAX_VALUE)
                .subscribe().with(s -> {
                    if (s != null && current(attempt)) {
                        subscriber = s;
                        reset.run();
                        listening = true;
                        if (failures.get() > 0) {
                            LOG.infof("Change subscription on %s is back after %d failed attempt(s)", channels, failures.get());
                        }
                    }
                }, e -> LOG.warnf("Change subscription on %s gave up: %s", channels, e.getMessage()));
    }

    private boolean current(long attempt) {
        return running.get() && attempts.get() == attempt;
    }

    private Uni<ReactiveRedisSubscriber> subscribe(long attempt) {
        AtomicBoolean ended = new AtomicBoolean();
        Runnable onLost = () -> {
            if (ended.compareAndSet(false, true) && current(attempt)) {
                listening = false;
                reset.run();
                LOG.warnf("Change subscription on %s lost; caches stay off until it is back. Reconnecting.", channels);
                connect();
            }
        };
        return redis.pubsub(String.class).subscribe(channels, received, onLost, e -> onLost.run());
    }
}
