package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.JsonText;
import dev.webui.core.chat.MessageRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** chat_message: the rows of message trees. */
@ApplicationScoped
public class MessageRepository {
    private static final String UPSERT = """
            INSERT INTO chat_message (chat_id, id, position, parent_id, role, content, model, done, "timestamp", data,
                                      created_at, updated_at)
            SELECT $1, m.id, m.position, m.parent_id, m.role, m.content, m.model, m.done, m.ts, m.data::jsonb, $11, $11
            FROM unnest($2::text[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::int8[],
                        $10::text[]) AS m(id, position, parent_id, role, content, model, done, ts, data)
            ON CONFLICT (chat_id, id) DO UPDATE SET position = excluded.position, parent_id = excluded.parent_id,
                role = excluded.role, content = excluded.content, model = excluded.model, done = excluded.done,
                "timestamp" = excluded."timestamp", data = excluded.data, updated_at = excluded.updated_at
            WHERE (chat_message.position, chat_message.parent_id, chat_message.role, chat_message.content,
                   chat_message.model, chat_message.done, chat_message."timestamp", chat_message.data)
                  IS DISTINCT FROM (excluded.position, excluded.parent_id, excluded.role, excluded.content,
                   excluded.model, excluded.done, excluded."timestamp", excluded.data)""";

    private final JsonText json;

    public MessageRepository(JsonText json) {
        this.json = json;
    }

    /** Rows of the given chats in tree order, grouped by chat id. */
    public Uni<Map<String, List<MessageRow>>> rowsOf(SqlClient db, List<String> chatIds) {
        if (chatIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.preparedQuery("SELECT chat_id, id, position, parent_id, role, content, model, done, \"timestamp\", "
                        + "data::text AS data FROM chat_message WHERE chat_id = ANY($1) ORDER BY chat_id, position, id")
                .execute(Tuple.of(chatIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<MessageRow>> byChat = new LinkedHashMap<>();
                    for (Row row : rows) {
                        byChat.computeIfAbsent(row.getString("chat_id"), k -> new ArrayList<>()).add(read(row));
                    }
                    return byChat;
                });
    }

    /**
     * Makes the chat's rows equal to {@code rows}: inserts new ones, rewrites only rows whose
     * content changed (so only they get a new updated_at) and deletes rows no longer present.
     */
    public Uni<Void> replaceTree(SqlClient db, String chatId, List<MessageRow> rows, long now) {
        int n = rows.size();
        String[] ids = new String[n];
        Integer[] positions = new Integer[n];
        String[] parents = new String[n];
        String[] roles = new String[n];
        String[] contents = new String[n];
        String[] models = new String[n];
        Boolean[] done = new Boolean[n];
        Long[] timestamps = new Long[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            MessageRow row = rows.get(i);
            ids[i] = row.id();
            positions[i] = row.position();
            parents[i] = row.parentId();
            roles[i] = row.role();
            contents[i] = row.content();
            models[i] = row.model();
            done[i] = row.done();
            timestamps[i] = row.timestamp();
            data[i] = json.write(row.data());
        }
        Uni<?> upsert = n == 0 ? Uni.createFrom().voidItem() : db.preparedQuery(UPSERT).execute(Tuple.tuple(Arrays.asList(
                chatId, ids, positions, parents, roles, contents, models, done, timestamps, data, now)));
        return upsert.chain(() -> db.preparedQuery("DELETE FROM chat_message WHERE chat_id = $1 AND id <> ALL($2::text[])")
                .execute(Tuple.of(chatId, ids))).replaceWithVoid();
    }

    /** Copies every row of one chat to another (clone, share snapshot), keeping ids, positions and data. */
    public Uni<Void> copy(SqlClient db, String fromChatId, String toChatId, long now) {
        return db.preparedQuery("INSERT INTO chat_message (chat_id, id, position, parent_id, role, content, model, done, "
                        + "\"timestamp\", data, created_at, updated_at) SELECT $2, id, position, parent_id, role, content, model, "
                        + "done, \"timestamp\", data, $3, $3 FROM chat_message WHERE chat_id = $1")
                .execute(Tuple.of(fromChatId, toChatId, now)).replaceWithVoid();
    }

    /** Sets one message's content (inserting the node at the end of the tree when it does not exist). */
    public Uni<Void> setContent(SqlClient db, String chatId, String messageId, String content, long now) {
        return db.preparedQuery("INSERT INTO chat_message (chat_id, id, position, content, data, created_at, updated_at) "
                        + "SELECT $1, $2, coalesce(max(position) + 1, 0), $3, '{}', $4, $4 FROM chat_message WHERE chat_id = $1 "
                        + "ON CONFLICT (chat_id, id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at")
                .execute(Tuple.of(chatId, messageId, content, now)).replaceWithVoid();
    }

    private MessageRow read(Row row) {
        JsonNode data = json.read(row.getString("data"));
        return new MessageRow(row.getString("id"), row.getInteger("position"), row.getString("parent_id"),
                row.getString("role"), row.getString("content"), row.getString("model"), row.getBoolean("done"),
                row.getLong("timestamp"), data instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
    }
}
