package dev.webui.bridge.ydoc;

import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Set;

/**
 * The state of collaborative documents in Redis, in upstream's layout (docs/redis.md): the list
 * of Yjs updates and the set of sockets editing; the log is dropped when the last socket leaves.
 * Each socket's documents are remembered too, so a pruned or disconnected socket leaves them all.
 */
public final class YdocStore {
    // ARGV: users key, sid docs key, updates key, sid, document key
    private static final String LEAVE = """
            redis.call('SREM', ARGV[1], ARGV[4])
            redis.call('SREM', ARGV[2], ARGV[5])
            if redis.call('SCARD', ARGV[1]) == 0 then redis.call('DEL', ARGV[3]) end
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public YdocStore(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Adds the socket to the document; yields the sockets now editing it. */
    public Uni<Set<String>> join(String documentId, String sid) {
        return redis.set(String.class).sadd(keys.ydocUsers(documentId), sid)
                .chain(() -> redis.set(String.class).sadd(keys.bridgeSidDocuments(sid), RedisKeys.ydocKey(documentId)))
                .chain(() -> sessions(documentId));
    }

    public Uni<Set<String>> sessions(String documentId) {
        return redis.set(String.class).smembers(keys.ydocUsers(documentId));
    }

    /** The stored updates, oldest first, each a JSON array of bytes. */
    public Uni<List<String>> updates(String documentId) {
        return redis.list(String.class).lrange(keys.ydocUpdates(documentId), 0, -1);
    }

    public Uni<Void> append(String documentId, String updateJson) {
        return redis.list(String.class).rpush(keys.ydocUpdates(documentId), updateJson).replaceWithVoid();
    }

    public Uni<Void> leave(String documentId, String sid) {
        return redis.execute("EVAL", LEAVE, "0", keys.ydocUsers(documentId), keys.bridgeSidDocuments(sid),
                keys.ydocUpdates(documentId), sid, RedisKeys.ydocKey(documentId)).replaceWithVoid();
    }
}
