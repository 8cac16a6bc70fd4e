package dev.webui.auth.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.auth.group.GroupsChanged;
import dev.webui.auth.permission.PermissionService;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.auth.UserChanged;
import dev.webui.common.config.CoreConfig;
import dev.webui.common.redis.InvalidationFeed;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.redis.RedisSubscriptions;
import dev.webui.common.settings.SettingsDocument;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link SessionInputs} per user id, kept per replica so the session check every page load makes
 * costs no query. An entry goes when its user changes (their memberships included; on this
 * replica at once, from others over Redis), all go when any group changes, and one is not used
 * once the settings document (default permissions) differs from the one it was built with.
 * Nothing is kept while the Redis subscription is down, and everything is dropped whenever it is
 * lost or back; changes nobody announces (the importer) last at most USER_CACHE_TTL, as for
 * {@code UserDirectory}.
 */
@ApplicationScoped
public class SessionInputsCache {
    private record Entry(SessionInputs inputs, long settingsGeneration) {
    }

    private final UserRepository users;
    private final PermissionService permissions;
    private final SettingsDocument settings;
    private final Cache<String, Entry> entries;
    private final InvalidationFeed feed;
    private final Object lock = new Object();
    private long invalidations;

    public SessionInputsCache(UserRepository users, PermissionService permissions, SettingsDocument settings,
                              RedisSubscriptions subscriptions, RedisKeys keys, CoreConfig config) {
        this.users = users;
        this.permissions = permissions;
        this.settings = settings;
        this.entries = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(Math.max(0, config.userCacheTtl())))
                .maximumSize(100_000).build();
        this.feed = new InvalidationFeed(subscriptions, List.of(keys.userChangedChannel(), keys.groupsChangedChannel()),
                (channel, message) -> received(keys, channel, message), this::evictAll);
    }

    /** The user's row and effective permissions, or empty when the user does not exist. */
    public Uni<Optional<SessionInputs>> get(String userId) {
        return settings.current().chain(document -> {
            long generation = settings.generation();
            SessionInputs hit = kept(userId, generation);
            if (hit != null) {
                return Uni.createFrom().item(Optional.of(hit));
            }
            long token = invalidations();
            return users.findById(userId).chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<SessionInputs>empty())
                    : permissions.effective(userId).map(perms -> {
                        SessionInputs inputs = new SessionInputs(found.get(), perms);
                        keep(userId, new Entry(inputs, generation), token);
                        return Optional.of(inputs);
                    }));
        });
    }

    /** What {@link #get} would answer at once (settings current, the user's entry kept); null when it would load anything. */
    public SessionInputs ready(String userId) {
        return settings.fresh() == null ? null : kept(userId, settings.generation());
    }

    private SessionInputs kept(String userId, long generation) {
        Entry hit = feed.listening() ? entries.getIfPresent(userId) : null;
        return hit != null && hit.settingsGeneration() == generation ? hit.inputs() : null;
    }

    /** Keeps a loaded entry unless anything was dropped since its load began (it may predate that change). */
    private void keep(String userId, Entry entry, long token) {
        synchronized (lock) {
            if (feed.listening() && invalidations == token) {
                entries.put(userId, entry);
            }
        }
    }

    private long invalidations() {
        synchronized (lock) {
            return invalidations;
        }
    }

    void evict(String userId) {
        synchronized (lock) {
            invalidations++;
            entries.invalidate(userId);
        }
    }

    void evictAll() {
        synchronized (lock) {
            invalidations++;
            entries.invalidateAll();
        }
    }

    private void received(RedisKeys keys, String channel, String message) {
        if (channel.equals(keys.groupsChangedChannel())) {
            evictAll();
        } else {
            evict(message);
        }
    }

    void userChanged(@Observes UserChanged event) {
        evict(event.userId());
    }

    void groupsChanged(@Observes GroupsChanged event) {
        evictAll();
    }

    void start(@Observes StartupEvent event) {
        feed.start();
    }

    void stop(@Observes ShutdownEvent event) {
        feed.stop();
    }
}
