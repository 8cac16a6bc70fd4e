package dev.webui.api.tag;

import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The tag table and the tag ids held in chat.meta.tags. */
@ApplicationScoped
public class TagRepository {
    private final JsonText json;

    public TagRepository(JsonText json) {
        this.json = json;
    }

    public Uni<List<TagResponse>> ofUser(SqlClient db, String userId) {
        return db.preparedQuery("SELECT id, name, user_id, meta::text AS meta FROM tag WHERE user_id = $1 ORDER BY name")
                .execute(Tuple.of(userId)).map(this::read);
    }

    public Uni<List<TagResponse>> byIds(SqlClient db, String userId, List<String> ids) {
        return db.preparedQuery("SELECT id, name, user_id, meta::text AS meta FROM tag WHERE user_id = $1 AND id = ANY($2) "
                        + "ORDER BY array_position($2, id)")
                .execute(Tuple.of(userId, ids.toArray(String[]::new))).map(this::read);
    }

    public Uni<Void> ensure(SqlClient db, String userId, String name) {
        return db.preparedQuery("INSERT INTO tag (id, name, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(TagResponse.idOf(name), name, userId)).replaceWithVoid();
    }

    /** Deletes the user's tags (among {@code ids}, or all when null) that no chat of theirs carries any more. */
    public Uni<Void> deleteUnused(SqlClient db, String userId, List<String> ids) {
        String only = ids == null ? "" : " AND t.id = ANY($2)";
        Tuple params = ids == null ? Tuple.of(userId) : Tuple.of(userId, ids.toArray(String[]::new));
        return db.preparedQuery("DELETE FROM tag t WHERE t.user_id = $1" + only + " AND NOT EXISTS (SELECT 1 FROM chat c "
                        + "WHERE c.user_id = $1 AND c.meta -> 'tags' @> jsonb_build_array(t.id))")
                .execute(params).replaceWithVoid();
    }

    private List<TagResponse> read(RowSet<Row> rows) {
        List<TagResponse> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new TagResponse(row.getString("id"), row.getString("name"), row.getString("user_id"),
                    json.read(row.getString("meta"))));
        }
        return list;
    }
}
