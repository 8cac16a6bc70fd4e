package dev.webui.common.auth;

import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Keeps every replica's user cache honest: a service that changes a user (role, e-mail, API key,
 * deletion) announces it on Redis and every replica, itself included, drops its cached copy.
 * While the subscription is down the cache TTL bounds staleness; on every (re)subscription the
 * whole cache is dropped, since announcements may have been missed.
 */
@ApplicationScoped
public class UserChangeNotifier {
    private static final Logger LOG = Logger.getLogger(UserChangeNotifier.class);

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final UserDirectory directory;
    private final Event<UserChanged> local;
    private volatile Cancellable subscription;

    public UserChangeNotifier(ReactiveRedisDataSource redis, RedisKeys keys, UserDirectory directory, Event<UserChanged> local) {
        this.redis = redis;
        this.local = local;
        this.keys = keys;
        this.directory = directory;
    }

    /** Announces that a user changed; completes once Redis accepted the message. */
    public Uni<Void> userChanged(String userId) {
        directory.evict(userId);
        local.fire(new UserChanged(userId));
        return redis.pubsub(String.class).publish(keys.userChangedChannel(), userId);
    }

    void start(@Observes StartupEvent event) {
        subscription = redis.pubsub(String.class).subscribe(keys.userChangedChannel())
                .onSubscription().invoke(directory::evictAll)
                .onFailure().invoke(e -> LOG.warnf("User change subscription lost (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(directory::evict);
    }

    void stop(@Observes ShutdownEvent event) {
        Cancellable current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
