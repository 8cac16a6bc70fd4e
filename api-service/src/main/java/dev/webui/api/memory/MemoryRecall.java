package dev.webui.api.memory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory reads a completion makes, in hand-written SQL on the reactive pool: they run in the
 * completion pipeline (also after calls to file-service) and count word matches in the database.
 */
@ApplicationScoped
public class MemoryRecall {
    private static final String COLUMNS = "id, user_id, content, updated_at, created_at";

    private final Pool pool;

    public MemoryRecall(Pool pool) {
        this.pool = pool;
    }

    /** The user's most recently updated memories, newest first. */
    public Uni<List<Memory>> newest(String userId, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM memory WHERE user_id = $1 ORDER BY updated_at DESC, id LIMIT $2")
                .execute(Tuple.of(userId, limit)).map(rows -> {
                    List<Memory> list = new ArrayList<>();
                    rows.forEach(row -> list.add(read(row)));
                    return list;
                });
    }

    /** The user's memories containing any of the words, best (most words matched) first. */
    public Uni<List<Memory>> matching(String userId, String[] words, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + ", (SELECT count(*) FROM unnest($2::text[]) w "
                        + "WHERE content ILIKE '%' || w || '%') AS hits FROM memory WHERE user_id = $1 "
                        + "ORDER BY hits DESC, updated_at DESC LIMIT $3")
                .execute(Tuple.of(userId, words, limit)).map(rows -> {
                    List<Memory> list = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getLong("hits") > 0) {
                            list.add(read(row));
                        }
                    }
                    return list;
                });
    }

    /** The user's {@code ui.memory} setting (the stock UI's "Memory" switch); false when unset. */
    public Uni<Boolean> enabledInSettings(String userId) {
        return pool.preparedQuery("SELECT coalesce(settings -> 'ui' -> 'memory' = 'true'::jsonb, false) AS memory FROM \"user\" WHERE id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("memory"));
    }

    private static Memory read(Row row) {
        return new Memory(row.getString("id"), row.getString("user_id"), row.getString("content"), row.getLong("updated_at"),
                row.getLong("created_at"));
    }
}
