package dev.webui.api.audio;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * speech_cache: generated speech shared by every replica, read back in slices so that serving a
 * long answer never holds it whole. The total size stays under AUDIO_SPEECH_CACHE_MAX_SIZE: each
 * store drops the least recently served entries beyond it.
 */
@ApplicationScoped
public class SpeechCache {
    public record Entry(String contentType, long size) {
    }

    private final Pool pool;
    private final long maxTotal;

    public SpeechCache(Pool pool, AudioLimits limits) {
        this.pool = pool;
        this.maxTotal = limits.cacheMaxSize().asLongValue();
    }

    /** The entry, marked as just used; empty when there is none. */
    public Uni<Optional<Entry>> find(String key) {
        return pool.preparedQuery("UPDATE speech_cache SET last_use = nextval('speech_cache_use_seq') WHERE key = $1 "
                        + "RETURNING content_type, size")
                .execute(Tuple.of(key))
                .map(rows -> first(rows).map(row -> new Entry(row.getString("content_type"), row.getLong("size"))));
    }

    /** Bytes {@code from} (0-based) up to {@code length} of an entry; empty when it was evicted meanwhile. */
    public Uni<Optional<Buffer>> slice(String key, long from, int length) {
        return pool.preparedQuery("SELECT substring(audio FROM $2 FOR $3) AS part FROM speech_cache WHERE key = $1")
                .execute(Tuple.of(key, from + 1, length))
                .map(rows -> first(rows).map(row -> row.getBuffer("part").getDelegate()));
    }

    /** Stores an entry (a concurrent store of the same key wins), then evicts down to the total size. */
    public Uni<Void> store(String key, String contentType, Buffer audio) {
        long now = Instant.now().getEpochSecond();
        return pool.preparedQuery("INSERT INTO speech_cache (key, content_type, audio, size, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING")
                .execute(Tuple.of(key, contentType, audio, (long) audio.length(), now))
                .chain(() -> pool.preparedQuery("DELETE FROM speech_cache WHERE key IN (SELECT key FROM ("
                                + "SELECT key, sum(size) OVER (ORDER BY last_use DESC) AS running "
                                + "FROM speech_cache) ranked WHERE running > $1)")
                        .execute(Tuple.of(maxTotal)))
                .replaceWithVoid();
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
