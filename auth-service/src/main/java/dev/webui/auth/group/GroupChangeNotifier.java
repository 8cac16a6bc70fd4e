package dev.webui.auth.group;

import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Announces that a group changed, which may change any member's effective permissions: to this
 * replica at once ({@link GroupsChanged}) and to every replica on {@link RedisKeys#groupsChangedChannel()}.
 * A sign-in that syncs one user's memberships announces that user instead (a user change).
 */
@ApplicationScoped
public class GroupChangeNotifier {
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final Event<GroupsChanged> local;

    public GroupChangeNotifier(ReactiveRedisDataSource redis, RedisKeys keys, Event<GroupsChanged> local) {
        this.redis = redis;
        this.keys = keys;
        this.local = local;
    }

    public Uni<Void> changed() {
        local.fire(new GroupsChanged());
        return redis.pubsub(String.class).publish(keys.groupsChangedChannel(), "changed");
    }
}
