package dev.webui.common.redis;

import dev.webui.common.feed.ReconnectingFeed;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Feeds a per-replica cache with change announcements from Redis channels. The cache may keep
 * entries only while {@link #listening()}: announcements sent while the subscription is down are
 * lost, so {@code reset} runs whenever the subscription is lost and again once it is back, and
 * the feed reconnects until {@link #stop()}.
 */
public final class InvalidationFeed extends ReconnectingFeed<RedisSubscriptions.RedisSubscription> {
    private final RedisSubscriptions subscriptions;
    private final List<String> channels;
    private final BiConsumer<String, String> received;

    /** {@code received} gets (channel, message); {@code reset} drops everything the cache holds. */
    public InvalidationFeed(RedisSubscriptions subscriptions, List<String> channels, BiConsumer<String, String> received, Runnable reset) {
        super("Change subscription on " + channels, reset);
        this.subscriptions = subscriptions;
        this.channels = List.copyOf(channels);
        this.received = received;
    }

    @Override
    protected Uni<RedisSubscriptions.RedisSubscription> open(long attempt) {
        AtomicBoolean ended = new AtomicBoolean();
        Runnable onLost = () -> {
            if (ended.compareAndSet(false, true)) {
                lost(attempt);
            }
        };
        return subscriptions.subscribe(channels, received, onLost);
    }

    @Override
    protected void close(RedisSubscriptions.RedisSubscription subscription) {
        subscription.close();
    }
}
