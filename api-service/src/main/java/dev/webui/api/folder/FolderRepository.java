package dev.webui.api.folder;

import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The folder table; every query is scoped to the owner. */
@ApplicationScoped
public class FolderRepository {
    private static final String COLUMNS = "id, parent_id, user_id, name, items::text AS items, meta::text AS meta, "
            + "data::text AS data, is_expanded, created_at, updated_at";

    private final JsonText json;

    public FolderRepository(JsonText json) {
        this.json = json;
    }

    public Uni<List<FolderResponse>> ofUser(SqlClient db, String userId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM folder WHERE user_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(userId)).map(this::read);
    }

    public Uni<FolderResponse> find(SqlClient db, String userId, String id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM folder WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, userId)).map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    /** Whether a sibling (same parent) other than {@code exceptId} already has this name, ignoring case. */
    public Uni<Boolean> nameTaken(SqlClient db, String userId, String parentId, String name, String exceptId) {
        return db.preparedQuery("SELECT 1 FROM folder WHERE user_id = $1 AND parent_id IS NOT DISTINCT FROM $2 "
                        + "AND lower(name) = lower($3) AND id <> $4")
                .execute(Tuple.of(userId, parentId, name, exceptId == null ? "" : exceptId)).map(rows -> rows.size() > 0);
    }

    public Uni<Void> save(SqlClient db, FolderResponse f) {
        return db.preparedQuery("INSERT INTO folder (id, parent_id, user_id, name, items, meta, data, is_expanded, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8, $9, $10) "
                        + "ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, items = excluded.items, "
                        + "meta = excluded.meta, data = excluded.data, is_expanded = excluded.is_expanded, updated_at = excluded.updated_at "
                        + "WHERE folder.user_id = excluded.user_id")
                .execute(Tuple.tuple(Arrays.asList(f.id(), f.parentId(), f.userId(), f.name(), json.write(f.items()),
                        json.write(f.meta()), json.write(f.data()), f.isExpanded(), f.createdAt(), f.updatedAt())))
                .replaceWithVoid();
    }

    public Uni<Void> deleteAll(SqlClient db, String userId, List<String> ids) {
        String[] array = ids.toArray(String[]::new);
        return db.preparedQuery("DELETE FROM chat WHERE id IN (SELECT share_id FROM chat WHERE user_id = $1 AND folder_id = ANY($2) "
                        + "AND share_id IS NOT NULL)").execute(Tuple.of(userId, array))
                .chain(() -> db.preparedQuery("DELETE FROM chat WHERE user_id = $1 AND folder_id = ANY($2)").execute(Tuple.of(userId, array)))
                .chain(() -> db.preparedQuery("DELETE FROM folder WHERE user_id = $1 AND id = ANY($2)").execute(Tuple.of(userId, array)))
                .replaceWithVoid();
    }

    private List<FolderResponse> read(RowSet<Row> rows) {
        List<FolderResponse> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new FolderResponse(row.getString("id"), row.getString("parent_id"), row.getString("user_id"),
                    row.getString("name"), json.read(row.getString("items")), json.read(row.getString("meta")),
                    json.read(row.getString("data")), row.getBoolean("is_expanded"), row.getLong("created_at"),
                    row.getLong("updated_at")));
        }
        return list;
    }
}
