package dev.webui.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.api.json.JsonText;
import dev.webui.common.cache.ReadyValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's groups and their permissions, read from auth-service's tables. Cached per replica for
 * a few seconds because /api/models checks access on every call; a membership change therefore
 * reaches api-service within that time.
 */
@ApplicationScoped
public class GroupMembership {
    static final Duration TTL = Duration.ofSeconds(5);

    private final Pool pool;
    private final JsonText json;
    private final AsyncCache<String, Memberships> cache = Caffeine.newBuilder()
            .expireAfterWrite(TTL).maximumSize(50_000).buildAsync();

    public GroupMembership(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    /** Group ids and the permissions objects of those groups. */
    public record Memberships(List<String> groupIds, List<JsonNode> permissions) {
    }

    public Uni<Memberships> of(String userId) {
        return Uni.createFrom().completionStage(() -> cache.get(userId, (key, executor) -> load(key).subscribeAsCompletionStage()));
    }

    /** The user's memberships when this replica has them at hand; null when they must be read. */
    public Memberships cachedNow(String userId) {
        return ReadyValues.of(cache.getIfPresent(userId));
    }

    private Uni<Memberships> load(String userId) {
        return pool.preparedQuery("SELECT g.id, g.permissions::text AS permissions FROM group_member m "
                        + "JOIN \"group\" g ON g.id = m.group_id WHERE m.user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    List<JsonNode> permissions = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getString("id"));
                        permissions.add(json.read(row.getString("permissions")));
                    }
                    return new Memberships(List.copyOf(ids), permissions.stream().filter(Objects::nonNull).toList());
                });
    }
}
