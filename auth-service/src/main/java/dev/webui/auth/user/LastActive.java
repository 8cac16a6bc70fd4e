package dev.webui.auth.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Records that a user was active (last_active_at, which "active" answers read with a five-minute
 * window) at most once a minute per user: this replica skips users it wrote less than a minute ago
 * without a query, and the UPDATE skips rows another replica wrote in that minute. Session checks on
 * every page load therefore cost no write, and concurrent checks by one user do not queue on its row.
 */
@ApplicationScoped
public class LastActive {
    static final long INTERVAL_SECONDS = 60;

    private final UserRepository users;
    private final Cache<String, Long> written = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(INTERVAL_SECONDS)).maximumSize(100_000).build();

    public LastActive(UserRepository users) {
        this.users = users;
    }

    public Uni<Void> record(String userId) {
        if (recent(userId)) {
            return Uni.createFrom().voidItem();
        }
        long now = Instant.now().getEpochSecond();
        written.put(userId, now);
        return users.touch(userId, now, now - INTERVAL_SECONDS + 1);
    }

    /** Whether this replica wrote the user's activity less than a minute ago, so that {@link #record} has nothing to do. */
    public boolean recent(String userId) {
        Long last = written.getIfPresent(userId);
        return last != null && Instant.now().getEpochSecond() - last < INTERVAL_SECONDS;
    }
}
