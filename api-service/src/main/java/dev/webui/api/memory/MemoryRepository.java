package dev.webui.api.memory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The memory table; every statement is scoped to the owner. */
@ApplicationScoped
public class MemoryRepository {
    private static final String COLUMNS = "id, user_id, content, updated_at, created_at";

    private final Pool pool;

    public MemoryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Memory>> ofUser(String userId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM memory WHERE user_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(userId)).map(MemoryRepository::read);
    }

    /** The user's most recently updated memories, newest first. */
    public Uni<List<Memory>> newest(String userId, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM memory WHERE user_id = $1 ORDER BY updated_at DESC, id LIMIT $2")
                .execute(Tuple.of(userId, limit)).map(MemoryRepository::read);
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

    public Uni<Void> insert(Memory m) {
        return pool.preparedQuery("INSERT INTO memory (id, user_id, content, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(m.id(), m.userId(), m.content(), m.createdAt(), m.updatedAt())).replaceWithVoid();
    }

    public Uni<Memory> update(String userId, String id, String content, long now) {
        return pool.preparedQuery("UPDATE memory SET content = $3, updated_at = $4 WHERE id = $1 AND user_id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, userId, content, now)).map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    public Uni<Boolean> delete(String userId, String id) {
        return pool.preparedQuery("DELETE FROM memory WHERE id = $1 AND user_id = $2").execute(Tuple.of(id, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> deleteAll(String userId) {
        return pool.preparedQuery("DELETE FROM memory WHERE user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }

    private static List<Memory> read(RowSet<Row> rows) {
        List<Memory> list = new ArrayList<>();
        rows.forEach(row -> list.add(read(row)));
        return list;
    }

    private static Memory read(Row row) {
        return new Memory(row.getString("id"), row.getString("user_id"), row.getString("content"), row.getLong("updated_at"),
                row.getLong("created_at"));
    }
}
