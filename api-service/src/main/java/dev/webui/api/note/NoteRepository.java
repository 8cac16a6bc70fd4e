package dev.webui.api.note;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;
import dev.webui.api.json.JsonText;
import dev.webui.core.access.AccessSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The note table. */
@ApplicationScoped
public class NoteRepository {
    private static final String SELECT = "SELECT n.id, n.user_id, n.title, n.data::text AS data, n.meta::text AS meta, "
            + "n.access_control::text AS access_control, n.created_at, n.updated_at, " + OwnerSummary.COLUMNS
            + " FROM note n LEFT JOIN \"user\" u ON u.id = n.user_id";
    private static final String READABLE = SELECT + " WHERE " + AccessSql.on("n").caller("$1").bypass("$2").read()
            + " ORDER BY n.updated_at DESC NULLS LAST, n.id";

    private final Pool pool;
    private final JsonText json;

    public NoteRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    /** Notes the user may read (all of them with the admin bypass); newest first. */
    public Uni<List<Note>> readable(String userId, boolean bypass) {
        return pool.preparedQuery(READABLE).execute(Tuple.of(userId, bypass)).map(this::read);
    }

    public Uni<Note> find(String id) {
        return pool.preparedQuery(SELECT + " WHERE n.id = $1").execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    public Uni<Void> save(Note n) {
        return pool.preparedQuery("INSERT INTO note (id, user_id, title, data, meta, access_control, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7, $8) ON CONFLICT (id) DO UPDATE SET "
                        + "title = excluded.title, data = excluded.data, meta = excluded.meta, access_control = excluded.access_control, "
                        + "updated_at = excluded.updated_at")
                .execute(Tuple.tuple(Arrays.asList(n.id(), n.userId(), n.title(), json.write(n.data()), json.write(n.meta()),
                        json.write(n.accessControl()), n.createdAt(), n.updatedAt())))
                .replaceWithVoid();
    }

    /** note.data gets the top-level keys of {@code data} (a non-object data is replaced). */
    public Uni<Void> mergeData(String id, JsonNode data, long updatedAt) {
        return pool.preparedQuery("UPDATE note SET data = (CASE WHEN jsonb_typeof(data) = 'object' THEN data ELSE '{}'::jsonb END) "
                        + "|| $2::text::jsonb, updated_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, json.write(data), updatedAt)).replaceWithVoid();
    }

    public Uni<Void> delete(String id) {
        return pool.preparedQuery("DELETE FROM note WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private List<Note> read(RowSet<Row> rows) {
        List<Note> list = new ArrayList<>();
        for (Row row : rows) {
            Long created = row.getLong("created_at");
            Long updated = row.getLong("updated_at");
            list.add(new Note(row.getString("id"), row.getString("user_id"), row.getString("title"),
                    json.read(row.getString("data")), json.read(row.getString("meta")), json.read(row.getString("access_control")),
                    created == null ? 0 : created, updated == null ? 0 : updated, OwnerSummary.of(row)));
        }
        return list;
    }
}
