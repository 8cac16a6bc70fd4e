package dev.webui.importer.newer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.importer.source.SourceRow;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What has no column in the suite's schema goes to {@code import_extra} instead of being dropped:
 * the source columns of imported tables that 0.6.32 did not have (newer releases, forks), and
 * whole rows of tables the importer does not map.
 */
public final class Extras {
    static final String SQL = "INSERT INTO import_extra (source_table, source_id, data) VALUES (?, ?, ?::jsonb) ON CONFLICT DO NOTHING";

    /** The columns of Open WebUI 0.6.32 that the table imports map (a fresh 0.6.32 database's DDL). */
    private static final Map<String, Set<String>> MAPPED = Map.ofEntries(
            Map.entry("auth", Set.of("id", "email", "password", "active")),
            Map.entry("channel", Set.of("id", "user_id", "name", "description", "data", "meta", "access_control", "created_at", "updated_at", "type")),
            Map.entry("channel_member", Set.of("id", "channel_id", "user_id", "created_at")),
            Map.entry("chat", Set.of("id", "user_id", "title", "share_id", "archived", "created_at", "updated_at", "chat", "pinned", "meta", "folder_id")),
            Map.entry("config", Set.of("id", "data", "version", "created_at", "updated_at")),
            Map.entry("feedback", Set.of("id", "user_id", "version", "type", "data", "meta", "snapshot", "created_at", "updated_at")),
            Map.entry("file", Set.of("id", "user_id", "filename", "meta", "created_at", "hash", "data", "updated_at", "path", "access_control")),
            Map.entry("folder", Set.of("id", "parent_id", "user_id", "name", "items", "meta", "is_expanded", "created_at", "updated_at", "data")),
            Map.entry("function", Set.of("id", "user_id", "name", "type", "content", "meta", "created_at", "updated_at", "valves", "is_active", "is_global")),
            Map.entry("group", Set.of("id", "user_id", "name", "description", "data", "meta", "permissions", "user_ids", "created_at", "updated_at")),
            Map.entry("knowledge", Set.of("id", "user_id", "name", "description", "data", "meta", "created_at", "updated_at", "access_control")),
            Map.entry("memory", Set.of("id", "user_id", "content", "updated_at", "created_at")),
            Map.entry("message", Set.of("id", "user_id", "channel_id", "content", "data", "meta", "created_at", "updated_at", "parent_id", "reply_to_id")),
            Map.entry("message_reaction", Set.of("id", "user_id", "message_id", "name", "created_at")),
            Map.entry("model", Set.of("id", "user_id", "base_model_id", "name", "meta", "params", "created_at", "updated_at", "access_control", "is_active")),
            Map.entry("note", Set.of("id", "user_id", "title", "data", "meta", "access_control", "created_at", "updated_at")),
            Map.entry("oauth_session", Set.of("id", "user_id", "provider", "token", "expires_at", "created_at", "updated_at")),
            Map.entry("prompt", Set.of("id", "command", "user_id", "title", "content", "timestamp", "access_control")),
            Map.entry("tag", Set.of("id", "name", "user_id", "meta")),
            Map.entry("tool", Set.of("id", "user_id", "name", "content", "specs", "meta", "created_at", "updated_at", "valves", "access_control")),
            Map.entry("user", Set.of("id", "name", "email", "role", "profile_image_url", "api_key", "created_at", "updated_at", "last_active_at", "settings", "info", "oauth_sub", "username", "bio", "gender", "date_of_birth")));

    /** Columns of Open WebUI's chat_message that only repeat chat.chat, which is imported whole. */
    private static final Set<String> CHAT_MESSAGE_COPIES = Set.of("chat_id", "user_id", "role", "parent_id", "content",
            "model_id", "files", "sources", "embeds", "done", "status_history", "created_at", "updated_at");

    /** Tables that hold no user data (migration bookkeeping) or are read into other tables. */
    public static final Set<String> NOT_DATA = Set.of("alembic_version", "migratehistory", "sqlite_sequence", "chatidtag");

    private Extras() {
    }

    /** Report label of the extras of one source table. */
    public static String label(String table) {
        return "extra:" + table;
    }

    /** The unmapped columns of an imported row, or null when it has none with a value. */
    public static Insert columns(String table, SourceRow row, String id) {
        Set<String> mapped = MAPPED.get(table);
        if (mapped == null || id == null) {
            return null;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(row.values()).forEach((column, value) -> {
            if (!mapped.contains(column) && value != null) {
                data.set(column, json(value));
            }
        });
        return data.isEmpty() ? null : new Insert(label(table), SQL, List.of(table, id, write(data)));
    }

    /** A whole row of a table without a home here. */
    public static Insert wholeRow(String table, SourceRow row) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(row.values()).forEach((column, value) -> {
            if (!(table.equals("chat_message") && CHAT_MESSAGE_COPIES.contains(column))) {
                data.set(column, value == null ? JsonNodeFactory.instance.nullNode() : json(value));
            }
        });
        Object id = row.get("id") != null ? row.get("id") : row.get("key");
        String key = id != null ? id.toString() : "sha256:" + sha256(write(data));
        return new Insert(label(table), SQL, List.of(table, key, write(data)));
    }

    private static JsonNode json(Object value) {
        if (value instanceof String s) {
            String t = s.trim();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    return Json.parse(s);
                } catch (Exception e) {
                    // text that only looks like JSON
                }
            }
            return JsonNodeFactory.instance.textNode(s);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return JsonNodeFactory.instance.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return JsonNodeFactory.instance.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        }
        if (value instanceof java.sql.Timestamp t) {
            // as Python prints a datetime, which is how SQLite files hold them
            var time = t.toLocalDateTime();
            return JsonNodeFactory.instance.textNode(time.toLocalDate() + " " + time.toLocalTime().withNano(0)
                    .format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME)
                    + (time.getNano() == 0 ? "" : String.format(".%06d", time.getNano() / 1000)));
        }
        if (value instanceof byte[] bytes) {
            return JsonNodeFactory.instance.textNode("base64:" + Base64.getEncoder().encodeToString(bytes));
        }
        return JsonNodeFactory.instance.textNode(value.toString());
    }

    private static String write(JsonNode node) {
        return Json.write(Json.clean(node, new boolean[2]));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
