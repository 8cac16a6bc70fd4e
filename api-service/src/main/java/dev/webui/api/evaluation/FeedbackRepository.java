package dev.webui.api.evaluation;

import dev.webui.api.access.OwnerSummary;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The feedback table. */
@ApplicationScoped
public class FeedbackRepository {
    private static final String SELECT = "SELECT f.id, f.user_id, f.version, f.type, f.data::text AS data, f.meta::text AS meta, "
            + "%s AS snapshot, f.created_at, f.updated_at, " + OwnerSummary.COLUMNS + " FROM feedback f LEFT JOIN \"user\" u ON u.id = f.user_id";

    private final Pool pool;
    private final JsonText json;

    public FeedbackRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    /** All feedback (admin) or a user's; snapshots (whole chats) only when asked for. */
    public Uni<List<Feedback>> list(String userId, boolean withSnapshot) {
        String select = SELECT.formatted(withSnapshot ? "f.snapshot::text" : "NULL::text");
        Uni<RowSet<Row>> rows = userId == null
                ? pool.query(select + " ORDER BY f.updated_at DESC, f.id").execute()
                : pool.preparedQuery(select + " WHERE f.user_id = $1 ORDER BY f.updated_at DESC, f.id").execute(Tuple.of(userId));
        return rows.map(this::read);
    }

    public Uni<Feedback> find(String id) {
        return pool.preparedQuery(SELECT.formatted("f.snapshot::text") + " WHERE f.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    public Uni<Void> save(Feedback f) {
        return pool.preparedQuery("INSERT INTO feedback (id, user_id, version, type, data, meta, snapshot, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8, $9) ON CONFLICT (id) DO UPDATE SET "
                        + "type = excluded.type, data = excluded.data, meta = excluded.meta, snapshot = excluded.snapshot, "
                        + "updated_at = excluded.updated_at")
                .execute(Tuple.tuple(Arrays.asList(f.id(), f.userId(), f.version(), f.type(), json.write(f.data()),
                        json.write(f.meta()), json.write(f.snapshot()), f.createdAt(), f.updatedAt())))
                .replaceWithVoid();
    }

    public Uni<Void> delete(String id) {
        return pool.preparedQuery("DELETE FROM feedback WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Void> deleteOf(String userId) {
        return userId == null ? pool.query("DELETE FROM feedback").execute().replaceWithVoid()
                : pool.preparedQuery("DELETE FROM feedback WHERE user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }

    private List<Feedback> read(RowSet<Row> rows) {
        List<Feedback> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new Feedback(row.getString("id"), row.getString("user_id"), row.getLong("version"), row.getString("type"),
                    json.read(row.getString("data")), json.read(row.getString("meta")), json.read(row.getString("snapshot")),
                    row.getLong("created_at"), row.getLong("updated_at"), OwnerSummary.of(row)));
        }
        return list;
    }
}
