package dev.webui.bridge.delivery;

import dev.webui.common.redis.RedisSubscriptions;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Redis pub/sub subscription that comes back by itself: when its connection ends (Redis restarted,
 * network cut) it resubscribes with backoff. Messages published meanwhile are lost, as pub/sub
 * promises no more; {@link #isUp()} feeds the readiness check so the gap is visible.
 */
public final class ChannelSubscription implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelSubscription.class);

    private final RedisSubscriptions subscriptions;
    private final String channel;
    private final Consumer<String> onMessage;
    private volatile RedisSubscriptions.RedisSubscription subscription;
    private volatile boolean up;
    private volatile boolean closed;

    public ChannelSubscription(RedisSubscriptions subscriptions, String channel, Consumer<String> onMessage) {
        this.subscriptions = subscriptions;
        this.channel = channel;
        this.onMessage = onMessage;
    }

    /** Subscribes, waiting at most {@code wait} for Redis to confirm. */
    public void start(Duration wait) {
        subscribe().await().atMost(wait);
    }

    public boolean isUp() {
        return up;
    }

    private Uni<Void> subscribe() {
        return subscriptions.subscribe(List.of(channel), (name, message) -> onMessage.accept(message), this::ended)
                .invoke(s -> {
                    subscription = s;
                    if (closed) {
                        s.close();
                        return;
                    }
                    up = true;
                })
                .replaceWithVoid();
    }

    private void ended() {
        up = false;
        if (closed) {
            return;
        }
        LOG.warnf("Lost the Redis subscription to %s; resubscribing", channel);
        subscribe().onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(done -> LOG.infof("Subscribed to %s again", channel));
    }

    @Override
    public void close() {
        closed = true;
        RedisSubscriptions.RedisSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }
}
