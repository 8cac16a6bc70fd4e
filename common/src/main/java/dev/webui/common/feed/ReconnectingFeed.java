package dev.webui.common.feed;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A subscription that feeds a per-replica cache with change announcements, reconnecting until
 * {@link #stop()}. The cache may keep entries only while {@link #listening()}: announcements sent
 * while the subscription is down are lost, so {@code reset} runs whenever it is lost and again
 * once it is back. Subclasses open the subscription ({@link #open}) and report its end
 * ({@link #lost}); {@code S} is what {@link #close} ends.
 */
public abstract class ReconnectingFeed<S> {
    private static final Logger LOG = Logger.getLogger(ReconnectingFeed.class);

    private final String name;
    private final Runnable reset;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong attempts = new AtomicLong();
    private volatile boolean listening;
    private volatile S subscription;

    protected ReconnectingFeed(String name, Runnable reset) {
        this.name = name;
        this.reset = reset;
    }

    /** Opens the subscription of connection attempt {@code attempt}; its end must call {@link #lost(long)}. */
    protected abstract Uni<S> open(long attempt);

    /** Ends a subscription that is no longer wanted. */
    protected abstract void close(S subscription);

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
        S current = subscription;
        if (current != null) {
            close(current);
        }
    }

    /** The subscription of {@code attempt} ended; at most once per attempt. */
    protected final void lost(long attempt) {
        if (current(attempt)) {
            listening = false;
            reset.run();
            LOG.warnf("%s lost; caches stay off until it is back. Reconnecting.", name);
            connect();
        }
    }

    // one number per connection attempt, so the end of an old subscription never touches a newer one
    private void connect() {
        long attempt = attempts.incrementAndGet();
        // the first failure of a reconnection is logged, the retries after it only at debug level
        AtomicLong failures = new AtomicLong();
        Uni.createFrom().deferred(() -> current(attempt) ? open(attempt) : Uni.createFrom().<S>nullItem())
                .onFailure().invoke(e -> {
                    if (failures.incrementAndGet() == 1) {
                        LOG.warnf("%s failed (%s); caches stay off, retrying", name, e.getMessage());
                    } else {
                        LOG.debugf("%s failed again (%s)", name, e.getMessage());
                    }
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(1)).atMost(Long.MAX_VALUE)
                .subscribe().with(s -> {
                    if (s == null) {
                        return;
                    }
                    if (!current(attempt)) {
                        close(s);
                        return;
                    }
                    subscription = s;
                    reset.run();
                    listening = true;
                    if (failures.get() > 0) {
                        LOG.infof("%s is back after %d failed attempt(s)", name, failures.get());
                    }
                }, e -> LOG.warnf("%s gave up: %s", name, e.getMessage()));
    }

    private boolean current(long attempt) {
        return running.get() && attempts.get() == attempt;
    }
}
