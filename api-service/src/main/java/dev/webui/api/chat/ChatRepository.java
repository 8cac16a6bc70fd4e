package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The chat table. List queries match the partial indexes of V1 (user_id, updated_at DESC, id DESC). */
@ApplicationScoped
public class ChatRepository {
    static final String COLUMNS = "id, user_id, title, share_id, archived, pinned, meta::text AS meta, folder_id, "
            + "created_at, updated_at, chat::text AS chat";
    static final String ORDER = " ORDER BY updated_at DESC, id DESC";

    private final JsonText json;

    public ChatRepository(JsonText json) {
        this.json = json;
    }

    public Uni<ChatRow> find(SqlClient db, String id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM chat WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : read(rows.iterator().next()));
    }

    /** The chat only if the user owns it; locks the row inside a transaction. */
    public Uni<ChatRow> findOwnedForUpdate(SqlClient db, String id, String userId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM chat WHERE id = $1 AND user_id = $2 FOR UPDATE")
                .execute(Tuple.of(id, userId)).map(rows -> rows.size() == 0 ? null : read(rows.iterator().next()));
    }

    public Uni<List<ChatRow>> query(SqlClient db, String whereAndOrder, Tuple params) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM chat WHERE " + whereAndOrder).execute(params).map(this::readAll);
    }

    public Uni<List<ChatTitleId>> titles(SqlClient db, String whereAndOrder, Tuple params) {
        return db.preparedQuery("SELECT id, title, updated_at, created_at FROM chat WHERE " + whereAndOrder).execute(params)
                .map(rows -> {
                    List<ChatTitleId> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new ChatTitleId(row.getString("id"), row.getString("title"),
                                row.getLong("updated_at"), row.getLong("created_at")));
                    }
                    return list;
                });
    }

    public Uni<Void> insert(SqlClient db, ChatRow chat) {
        return db.preparedQuery("INSERT INTO chat (id, user_id, title, share_id, archived, pinned, meta, folder_id, "
                        + "created_at, updated_at, chat) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11::text::jsonb)")
                .execute(Tuple.tuple(Arrays.asList(chat.id(), chat.userId(), chat.title(), chat.shareId(),
                        chat.archived(), chat.pinned(), json.write(meta(chat.meta())), chat.folderId(),
                        chat.createdAt(), chat.updatedAt(), json.write(chat.blob()))))
                .replaceWithVoid();
    }

    /** Writes the mutable columns of a chat row. */
    public Uni<Void> update(SqlClient db, ChatRow chat) {
        return db.preparedQuery("UPDATE chat SET title = $2, share_id = $3, archived = $4, pinned = $5, "
                        + "meta = $6::text::jsonb, folder_id = $7, updated_at = $8, chat = $9::text::jsonb WHERE id = $1")
                .execute(Tuple.tuple(Arrays.asList(chat.id(), chat.title(), chat.shareId(), chat.archived(),
                        chat.pinned(), json.write(meta(chat.meta())), chat.folderId(), chat.updatedAt(),
                        json.write(chat.blob()))))
                .replaceWithVoid();
    }

    public Uni<Integer> execute(SqlClient db, String sql, Tuple params) {
        return db.preparedQuery(sql).execute(params).map(RowSet::rowCount);
    }

    private static JsonNode meta(JsonNode meta) {
        return meta == null ? JsonNodeFactory.instance.objectNode() : meta;
    }

    private List<ChatRow> readAll(RowSet<Row> rows) {
        List<ChatRow> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(read(row)));
        return list;
    }

    ChatRow read(Row row) {
        JsonNode blob = json.read(row.getString("chat"));
        JsonNode meta = json.read(row.getString("meta"));
        return new ChatRow(row.getString("id"), row.getString("user_id"), row.getString("title"), row.getString("share_id"),
                row.getBoolean("archived"), row.getBoolean("pinned"), meta == null ? JsonNodeFactory.instance.objectNode() : meta,
                row.getString("folder_id"), row.getLong("created_at"), row.getLong("updated_at"),
                blob instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
    }
}
