package dev.webui.common.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.common.cache.ReadyValues;
import dev.webui.common.config.CoreConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Looks up the caller of a request by id or API key. Users are cached per replica for at most
 * USER_CACHE_TTL seconds, and dropped at once when any replica announces a change
 * ({@link UserChangeNotifier}), so a valid request costs no database round trip.
 */
@ApplicationScoped
public class UserDirectory {
    private static final String COLUMNS = "id, name, email, role, profile_image_url";

    private final Pool pool;
    private final AsyncCache<String, Optional<AuthenticatedUser>> byId;
    private final AsyncCache<String, Optional<AuthenticatedUser>> byApiKey;

    public UserDirectory(Pool pool, CoreConfig config) {
        this.pool = pool;
        Duration ttl = Duration.ofSeconds(Math.max(0, config.userCacheTtl()));
        this.byId = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).buildAsync();
        this.byApiKey = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).buildAsync();
    }

    public Uni<Optional<AuthenticatedUser>> findById(String id) {
        return Uni.createFrom().completionStage(() -> byId.get(id, (key, executor) ->
                query("SELECT " + COLUMNS + " FROM \"user\" WHERE id = $1", key).subscribeAsCompletionStage()));
    }

    /** The user when this replica has them at hand (loaded and still cached); null otherwise, also for an unknown id. */
    public AuthenticatedUser cachedById(String id) {
        Optional<AuthenticatedUser> loaded = ReadyValues.of(byId.getIfPresent(id));
        return loaded == null ? null : loaded.orElse(null);
    }

    public Uni<Optional<AuthenticatedUser>> findByApiKey(String apiKey) {
        return Uni.createFrom().completionStage(() -> byApiKey.get(apiKey, (key, executor) ->
                query("SELECT " + COLUMNS + " FROM \"user\" WHERE api_key = $1", key).subscribeAsCompletionStage()));
    }

    /** Drops a user from this replica's cache; use {@link UserChangeNotifier#userChanged} to reach every replica. */
    public void evict(String userId) {
        byId.synchronous().invalidate(userId);
        byApiKey.synchronous().asMap().values().removeIf(u -> u.map(user -> user.id().equals(userId)).orElse(true));
    }

    public void evictAll() {
        byId.synchronous().invalidateAll();
        byApiKey.synchronous().invalidateAll();
    }

    private Uni<Optional<AuthenticatedUser>> query(String sql, String param) {
        return pool.preparedQuery(sql).execute(Tuple.of(param)).map(UserDirectory::first);
    }

    private static Optional<AuthenticatedUser> first(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row row = it.next();
        return Optional.of(new AuthenticatedUser(row.getString("id"), row.getString("name"), row.getString("email"),
                row.getString("role"), row.getString("profile_image_url")));
    }
}
