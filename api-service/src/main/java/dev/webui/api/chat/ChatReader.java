package dev.webui.api.chat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.webui.core.chat.ChatAssembler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one whole chat for GET /chats/{id} in a single query: the chat row first, then its
 * message rows in tree order. Each message's JSON is written as text from its columns and its
 * stored {@code data} text, never parsed: a 1,200-message chat costs one round trip and no
 * per-message JSON tree in the JVM. The result equals {@link ChatAssembler}'s (a row's columns
 * over its data; the visible path from {@code history.currentId} up the parents, stopping at a
 * repeated id).
 */
@ApplicationScoped
public class ChatReader {
    private static final String QUERY = """
            WITH c AS (SELECT %s FROM chat WHERE id = $1 AND (user_id = $2 OR $3))
            SELECT c.*, NULL::text AS m_id, NULL::int4 AS m_position, NULL::text AS m_parent_id, NULL::text AS m_role,
                   NULL::text AS m_content, NULL::text AS m_model, NULL::bool AS m_done, NULL::int8 AS m_timestamp,
                   NULL::text AS m_data, NULL::bool AS m_has_id
            FROM c
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   m.id, m.position, m.parent_id, m.role, m.content, m.model, m.done, m."timestamp", m.data::text, m.data ? 'id'
            FROM chat_message m WHERE m.chat_id = $1 AND EXISTS (SELECT 1 FROM c)
            ORDER BY m_position NULLS FIRST, m_id""".formatted(ChatRepository.COLUMNS);

    private final ChatRepository chats;

    public ChatReader(ChatRepository chats) {
        this.chats = chats;
    }

    /** The chat, if it is {@code userId}'s or {@code anyOwner}; else null. */
    public Uni<ChatResponse> read(SqlClient db, String id, String userId, boolean anyOwner) {
        return db.preparedQuery(QUERY).execute(Tuple.of(id, userId, anyOwner)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            ChatRow chat = chats.read(it.next());
            ObjectNode blob = chat.blob();
            if (!(blob.get("history") instanceof ObjectNode history)) {
                return ChatResponse.of(chat, blob);
            }
            StringBuilder nodes = new StringBuilder(Math.max(16, rows.size() * 512)).append('{');
            Map<String, String> messages = new HashMap<>();
            Map<String, String> parents = new HashMap<>();
            while (it.hasNext()) {
                Row row = it.next();
                String messageId = row.getString("m_id");
                String message = message(row, messageId);
                if (nodes.length() > 1) {
                    nodes.append(',');
                }
                quote(nodes, messageId).append(':').append(message);
                messages.put(messageId, message);
                parents.put(messageId, row.getString("m_parent_id"));
            }
            history.putRawValue("messages", new RawValue(nodes.append('}').toString()));
            blob.putRawValue("messages", new RawValue(path(history.get("currentId"), messages, parents)));
            return ChatResponse.of(chat, blob);
        });
    }

    private static String path(JsonNode current, Map<String, String> messages, Map<String, String> parents) {
        List<String> reversed = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String id = current != null && current.isTextual() ? current.textValue() : null;
        while (id != null && messages.containsKey(id) && visited.add(id)) {
            reversed.add(messages.get(id));
            id = parents.get(id);
        }
        Collections.reverse(reversed);
        return "[" + String.join(",", reversed) + "]";
    }

    /** The message object: its stored data, plus id when data has none, plus every non-null column. */
    private static String message(Row row, String id) {
        String data = row.getString("m_data");
        String inner = data != null && data.startsWith("{") ? data.substring(1, data.length() - 1).trim() : "";
        String content = row.getString("m_content");
        StringBuilder out = new StringBuilder(inner.length() + (content == null ? 0 : content.length() + 16) + 128).append('{');
        if (!Boolean.TRUE.equals(row.getBoolean("m_has_id"))) {
            quote(out.append("\"id\":"), id).append(',');
        }
        out.append(inner);
        text(out, "parentId", row.getString("m_parent_id"));
        text(out, "role", row.getString("m_role"));
        text(out, "content", content);
        text(out, "model", row.getString("m_model"));
        Boolean done = row.getBoolean("m_done");
        if (done != null) {
            separate(out).append("\"done\":").append(done.booleanValue());
        }
        Long timestamp = row.getLong("m_timestamp");
        if (timestamp != null) {
            separate(out).append("\"timestamp\":").append(timestamp.longValue());
        }
        if (out.charAt(out.length() - 1) == ',') {
            out.setLength(out.length() - 1);
        }
        return out.append('}').toString();
    }

    private static void text(StringBuilder out, String field, String value) {
        if (value != null) {
            quote(separate(out).append('"').append(field).append("\":"), value);
        }
    }

    private static StringBuilder separate(StringBuilder out) {
        char last = out.charAt(out.length() - 1);
        return last == '{' || last == ',' ? out : out.append(',');
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        return out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }
}
