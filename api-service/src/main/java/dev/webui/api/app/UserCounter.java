package dev.webui.api.app;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.common.cache.ReadyValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Number of accounts, for /api/config's user_count and onboarding flag. Cached a few seconds per
 * replica so that the page-load endpoint costs no query on most calls; while no account exists it
 * is re-read every time, so the first sign-up ends onboarding at once.
 */
@ApplicationScoped
public class UserCounter {
    private final Pool pool;
    private final AsyncLoadingCache<Boolean, Long> cache;

    public UserCounter(Pool pool) {
        this.pool = pool;
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
                .buildAsync((key, executor) -> count().subscribeAsCompletionStage());
    }

    public Uni<Long> get() {
        return Uni.createFrom().completionStage(() -> cache.get(Boolean.TRUE)).invoke(n -> {
            if (n == 0) {
                cache.synchronous().invalidateAll();
            }
        });
    }

    /** The cached count, when there is one and it is not zero (zero is read again every time); null otherwise. */
    public Long cachedNow() {
        Long n = ReadyValues.of(cache.getIfPresent(Boolean.TRUE));
        return n == null || n == 0 ? null : n;
    }

    private Uni<Long> count() {
        return pool.query("SELECT count(*) AS n FROM \"user\"").execute().map(rows -> rows.iterator().next().getLong("n"));
    }
}
