package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads one whole chat for GET /chats/{id} in a single query. PostgreSQL reassembles the tree
 * (the same rules as {@link ChatAssembler}: a row's columns over its {@code data}, the visible
 * path from {@code history.currentId} up the parents, stopping at a repeat) and hands back the
 * message JSON as text, which goes into the response unparsed: a 1,200-message chat costs one
 * round trip and no per-message JSON work in the JVM.
 */
@ApplicationScoped
public class ChatReader {
    private static final String QUERY = """
            WITH RECURSIVE c AS (
                SELECT %s, chat -> 'history' AS history FROM chat WHERE id = $1 AND (user_id = $2 OR $3)
            ), msgs AS (
                SELECT m.id, m.position,
                       jsonb_build_object('id', m.id) || m.data || jsonb_strip_nulls(jsonb_build_object(
                           'parentId', m.parent_id, 'role', m.role, 'content', m.content, 'model', m.model,
                           'done', m.done, 'timestamp', m."timestamp")) AS msg
                FROM chat_message m WHERE m.chat_id = $1 AND EXISTS (SELECT 1 FROM c)
            ), path (id, parent_id, depth) AS (
                SELECT m.id, m.parent_id, 1 FROM chat_message m JOIN c ON jsonb_typeof(c.history -> 'currentId') = 'string'
                WHERE m.chat_id = $1 AND m.id = c.history ->> 'currentId'
                UNION ALL
                SELECT m.id, m.parent_id, path.depth + 1 FROM path JOIN chat_message m ON m.chat_id = $1 AND m.id = path.parent_id
                WHERE path.depth <= (SELECT count(*) FROM msgs)
            )
            SELECT c.*,
                   CASE WHEN jsonb_typeof(c.history) = 'object' THEN coalesce(
                       (SELECT json_object_agg(id, msg ORDER BY position, id) FROM msgs)::text, '{}') END AS nodes,
                   CASE WHEN jsonb_typeof(c.history) = 'object' THEN coalesce(
                       (SELECT json_agg(msgs.msg ORDER BY first.depth DESC)
                        FROM (SELECT DISTINCT ON (id) id, depth FROM path ORDER BY id, depth) first
                        JOIN msgs ON msgs.id = first.id)::text, '[]') END AS visible
            FROM c""".formatted(ChatRepository.COLUMNS);

    private final ChatRepository chats;
    private final JsonText json;

    public ChatReader(ChatRepository chats, JsonText json) {
        this.chats = chats;
        this.json = json;
    }

    /** The chat, if it is {@code userId}'s or {@code anyOwner}; else null. */
    public Uni<ChatResponse> read(SqlClient db, String id, String userId, boolean anyOwner) {
        return db.preparedQuery(QUERY).execute(Tuple.of(id, userId, anyOwner)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            ChatRow chat = chats.read(row);
            ObjectNode blob = chat.blob();
            String nodes = row.getString("nodes");
            if (nodes != null && blob.get("history") instanceof ObjectNode history) {
                history.putRawValue("messages", new RawValue(nodes));
                blob.putRawValue("messages", new RawValue(row.getString("visible")));
            }
            return ChatResponse.of(chat, blob);
        });
    }
}
