package dev.webui.bridge.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;

/**
 * The fleet-wide bookkeeping in Redis (key layout in docs/redis.md): which socket belongs to which
 * user on which instance, and which models are in use. Every instance marks itself alive with a
 * TTL; any instance prunes the sockets of an instance whose mark expired, so a crashed instance
 * leaves nothing behind for longer than BRIDGE_INSTANCE_TTL plus one heartbeat.
 */
public final class SessionRegistry {
    /** How long a "usage" ping keeps a model listed (upstream: 3 s). */
    static final long USAGE_WINDOW_MS = 3000;

    // ARGV: prefix, sid, user id, instance id, session JSON
    private static final String REGISTER = """
            local p, sid, uid, inst = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
            local old = redis.call('HGET', p .. ':bridge:sessions', sid)
            if old then
              local s = cjson.decode(old)
              if s.user_id ~= uid then
                local okey = p .. ':bridge:user:' .. s.user_id
                redis.call('SREM', okey, sid)
                if redis.call('SCARD', okey) == 0 then redis.call('SREM', p .. ':bridge:users', s.user_id) end
              end
            end
            redis.call('HSET', p .. ':bridge:sessions', sid, ARGV[5])
            redis.call('SADD', p .. ':bridge:user:' .. uid, sid)
            redis.call('SADD', p .. ':bridge:users', uid)
            redis.call('SADD', p .. ':bridge:instance:' .. inst .. ':sids', sid)
            redis.call('SADD', p .. ':bridge:instances', inst)
            return 1
            """;

    // ARGV: prefix, sid. Also drops the socket from every collaborative document it joined.
    private static final String UNREGISTER = """
            local p, sid = ARGV[1], ARGV[2]
            local docs = p .. ':bridge:sid:' .. sid .. ':docs'
            for _, doc in ipairs(redis.call('SMEMBERS', docs)) do
              local users = p .. ':ydoc:documents:' .. doc .. ':users'
              redis.call('SREM', users, sid)
              if redis.call('SCARD', users) == 0 then redis.call('DEL', p .. ':ydoc:documents:' .. doc .. ':updates') end
            end
            redis.call('DEL', docs)
            local raw = redis.call('HGET', p .. ':bridge:sessions', sid)
            if not raw then return 0 end
            local s = cjson.decode(raw)
            redis.call('HDEL', p .. ':bridge:sessions', sid)
            local ukey = p .. ':bridge:user:' .. s.user_id
            redis.call('SREM', ukey, sid)
            if redis.call('SCARD', ukey) == 0 then redis.call('SREM', p .. ':bridge:users', s.user_id) end
            redis.call('SREM', p .. ':bridge:instance:' .. s.instance .. ':sids', sid)
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final String instanceId;

    public SessionRegistry(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json, String instanceId) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.instanceId = instanceId;
    }

    public Uni<Void> register(String sid, String userId) {
        String session;
        try {
            session = json.writeValueAsString(Map.of("user_id", userId, "instance", instanceId));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return eval(REGISTER, keys.prefix(), sid, userId, instanceId, session);
    }

    public Uni<Void> unregister(String sid) {
        return eval(UNREGISTER, keys.prefix(), sid);
    }

    public Uni<Void> recordUsage(String modelId) {
        long now = System.currentTimeMillis();
        return redis.sortedSet(String.class).zadd(keys.bridgeModelUsage(), now, modelId)
                .chain(() -> redis.sortedSet(String.class)
                        .zremrangebyscore(keys.bridgeModelUsage(), new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) (now - USAGE_WINDOW_MS))))
                .replaceWithVoid();
    }

    /** Marks this instance alive for {@code ttlSeconds}; yields whether the previous mark was still there. */
    public Uni<Boolean> heartbeat(int ttlSeconds) {
        return redis.set(String.class).sadd(keys.bridgeInstances(), instanceId)
                .chain(() -> redis.value(String.class).setGet(keys.bridgeInstanceAlive(instanceId), "1", new SetArgs().ex(ttlSeconds)))
                .map(previous -> previous != null);
    }

    /** Removes every socket of every instance whose liveness mark expired; yields how many were removed. */
    public Uni<Integer> pruneDeadInstances() {
        return redis.set(String.class).smembers(keys.bridgeInstances())
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> redis.key().exists(keys.bridgeInstanceAlive(id))
                        .flatMap(alive -> alive ? Uni.createFrom().item(0) : prune(id)))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    /** Unregisters this instance's sockets when it shuts down cleanly. */
    public Uni<Integer> deregisterInstance() {
        return redis.key().del(keys.bridgeInstanceAlive(instanceId)).chain(() -> prune(instanceId));
    }

    private Uni<Integer> prune(String id) {
        String sids = keys.bridgeInstanceSids(id);
        return redis.set(String.class).smembers(sids)
                .onItem().transformToMulti(members -> Multi.createFrom().iterable(members))
                .onItem().transformToUniAndConcatenate(sid -> unregister(sid).replaceWith(sid))
                .collect().asList()
                .call(() -> redis.key().del(sids))
                .call(() -> redis.set(String.class).srem(keys.bridgeInstances(), id))
                .map(List::size);
    }

    private Uni<Void> eval(String script, String... args) {
        String[] command = new String[args.length + 2];
        command[0] = script;
        command[1] = "0";
        System.arraycopy(args, 0, command, 2, args.length);
        return redis.execute("EVAL", command).replaceWithVoid();
    }
}
