package dev.webui.importer.newer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.SourceRow;
import dev.webui.importer.value.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the data Open WebUI releases after 0.6.34 moved out of the 0.6.32 columns (group members,
 * API keys, knowledge files, access grants, OAuth subjects, the new prompt shape) and puts it back
 * into those columns of each source row before the table imports map it
 * (docs/importer.md, "Supported releases"). Where a half-migrated SQLite file has both the old column and the
 * new table, both are read and merged.
 */
public final class NewerSchema {
    /** Tables whose access_control moved to access_grant (resource_type = table name). */
    private static final Set<String> GRANTED = Set.of("knowledge", "prompt", "tool", "model", "note", "channel", "file");

    private final Map<String, List<String>> groupMembers = new HashMap<>();
    private final Map<String, Long> memberSince = new HashMap<>();
    private final Map<String, String> apiKeys = new HashMap<>();
    private final Map<String, List<String>> knowledgeFiles = new HashMap<>();
    private final Map<String, List<String[]>> grants = new HashMap<>();
    private final Map<String, List<String>> channelMembers = new HashMap<>();
    private final boolean hasGrants;

    private NewerSchema(boolean hasGrants) {
        this.hasGrants = hasGrants;
    }

    public static NewerSchema load(SourceDatabase source) throws Exception {
        NewerSchema s = new NewerSchema(source.hasTable("access_grant"));
        if (source.hasTable("group_member")) {
            source.stream("group_member", List.of("created_at", "id"), row -> {
                String group = text(row, "group_id");
                String user = text(row, "user_id");
                if (group != null && user != null) {
                    s.groupMembers.computeIfAbsent(group, k -> new ArrayList<>()).add(user);
                    if (row.get("created_at") instanceof Number n) {
                        s.memberSince.putIfAbsent(group + "\n" + user, n.longValue());
                    }
                }
            });
        }
        if (source.hasTable("api_key")) {
            // the newest key of a user wins (0.11.0 keeps one); the others stay in import_extra
            source.stream("api_key", List.of("updated_at", "id"), row -> {
                String user = text(row, "user_id");
                String key = text(row, "key");
                if (user != null && key != null && !key.isBlank()) {
                    s.apiKeys.put(user, key);
                }
            });
        }
        if (source.hasTable("knowledge_file")) {
            source.stream("knowledge_file", List.of("created_at", "id"), row -> {
                String knowledge = text(row, "knowledge_id");
                String file = text(row, "file_id");
                if (knowledge != null && file != null) {
                    s.knowledgeFiles.computeIfAbsent(knowledge, k -> new ArrayList<>()).add(file);
                }
            });
        }
        if (s.hasGrants) {
            source.stream("access_grant", List.of("created_at", "id"), row -> {
                String type = text(row, "resource_type");
                String id = text(row, "resource_id");
                if (type != null && id != null) {
                    s.grants.computeIfAbsent(type + "\n" + id, k -> new ArrayList<>()).add(
                            new String[]{text(row, "principal_type"), text(row, "principal_id"), text(row, "permission")});
                }
            });
        }
        if (source.hasTable("channel_member") && source.columns("channel_member").contains("is_active")) {
            source.stream("channel_member", List.of("created_at", "id"), row -> {
                Object active = row.get("is_active");
                boolean isActive = active == null || Boolean.TRUE.equals(active) || active instanceof Number n && n.intValue() != 0;
                if (isActive && text(row, "channel_id") != null && text(row, "user_id") != null) {
                    s.channelMembers.computeIfAbsent(text(row, "channel_id"), k -> new ArrayList<>()).add(text(row, "user_id"));
                }
            });
        }
        return s;
    }

    /** Join time (s) of a member from group_member, or null. */
    public Long memberSince(String group, String user) {
        return memberSince.get(group + "\n" + user);
    }

    /** Fills the 0.6.32 columns of {@code row} of {@code table} from where newer releases keep them. */
    public void adapt(String table, SourceRow row) {
        if ((table.equals("user") || table.equals("chat")) && !row.has("created_at") && row.get("timestamp") != null) {
            // 0.1.x: one timestamp per user and chat
            row.put("created_at", row.get("timestamp"));
            row.put("updated_at", row.get("timestamp"));
            row.put("last_active_at", row.get("timestamp"));
        }
        switch (table) {
            case "user" -> user(row);
            case "group" -> group(row);
            case "knowledge" -> knowledge(row);
            case "prompt" -> prompt(row);
            default -> { }
        }
        if (GRANTED.contains(table) && !row.has("access_control") && hasGrants) {
            row.put("access_control", accessControl(table, row));
        }
    }

    private void user(SourceRow row) {
        if (row.get("api_key") == null && apiKeys.containsKey(row.id())) {
            row.put("api_key", apiKeys.get(row.id()));
        }
        if (row.get("oauth_sub") == null && row.get("oauth") != null) {
            JsonNode oauth = unwrap(row.get("oauth"));
            if (oauth instanceof ObjectNode o && o.size() > 0) {
                var first = o.fields().next();
                JsonNode sub = first.getValue().get("sub");
                if (sub != null && sub.isValueNode()) {
                    row.put("oauth_sub", first.getKey() + "@" + sub.asText());
                }
            }
        }
        for (String column : List.of("info", "settings")) {
            JsonNode value = unwrap(row.get(column));
            if (value != null && row.get(column) instanceof String s && !(value.isTextual()) && !s.trim().startsWith("{")) {
                row.put(column, Json.write(value)); // a JSON string holding JSON (upgrades run by 0.9.6 – 0.10.1)
            }
        }
    }

    private void group(SourceRow row) {
        List<String> members = groupMembers.get(row.id());
        if (members == null) {
            return;
        }
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        JsonNode old = parse(row.get("user_ids"));
        if (old != null && old.isArray()) {
            old.forEach(n -> {
                if (n.isTextual()) {
                    seen.add(n.textValue());
                }
            });
        }
        seen.addAll(members);
        seen.forEach(ids::add);
        row.put("user_ids", Json.write(ids));
    }

    private void knowledge(SourceRow row) {
        List<String> files = knowledgeFiles.get(row.id());
        if (files == null) {
            return;
        }
        JsonNode data = parse(row.get("data"));
        ObjectNode object = data instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        Set<String> ids = new LinkedHashSet<>();
        JsonNode old = object.get("file_ids");
        if (old != null && old.isArray()) {
            old.forEach(n -> {
                if (n.isTextual()) {
                    ids.add(n.textValue());
                }
            });
        }
        ids.addAll(files);
        ArrayNode array = object.putArray("file_ids");
        ids.forEach(array::add);
        row.put("data", Json.write(object));
    }

    /** 0.8.0 rebuilt prompt: name, command without '/', created/updated times, uuid id. */
    private void prompt(SourceRow row) {
        if (row.has("title") || !row.has("name")) {
            return;
        }
        row.put("title", row.get("name"));
        Object command = row.get("command");
        if (command != null && !command.toString().isEmpty() && !command.toString().startsWith("/")) {
            row.put("command", "/" + command);
        }
        row.put("timestamp", row.get("updated_at") != null ? row.get("updated_at") : row.get("created_at"));
    }

    /** 0.6.32's access_control from access_grant rows (public read is null, no grant is {}); channels of group/dm type from their members. */
    private String accessControl(String table, SourceRow row) {
        Object type = row.get("type");
        if (table.equals("channel") && ("group".equals(type) || "dm".equals(type))) {
            ArrayNode members = JsonNodeFactory.instance.arrayNode();
            channelMembers.getOrDefault(row.id(), List.of()).forEach(members::add);
            ObjectNode ac = JsonNodeFactory.instance.objectNode();
            ac.putObject("read").putArray("group_ids");
            ((ObjectNode) ac.get("read")).set("user_ids", members.deepCopy());
            ac.putObject("write").putArray("group_ids");
            ((ObjectNode) ac.get("write")).set("user_ids", members);
            return Json.write(ac);
        }
        List<String[]> list = grants.getOrDefault(table + "\n" + row.id(), List.of());
        boolean publicRead = list.stream().anyMatch(g -> "user".equals(g[0]) && "*".equals(g[1]) && "read".equals(g[2]));
        if (publicRead) {
            return null;
        }
        if (list.isEmpty()) {
            return table.equals("file") ? null : "{}";
        }
        ObjectNode ac = JsonNodeFactory.instance.objectNode();
        for (String permission : List.of("read", "write")) {
            ObjectNode p = ac.putObject(permission);
            ArrayNode groups = p.putArray("group_ids");
            ArrayNode users = p.putArray("user_ids");
            for (String[] g : list) {
                if (permission.equals(g[2]) && g[1] != null && !"*".equals(g[1])) {
                    if ("group".equals(g[0])) {
                        groups.add(g[1]);
                    } else if ("user".equals(g[0])) {
                        users.add(g[1]);
                    }
                }
            }
        }
        return Json.write(ac);
    }

    /** A JSON value; a JSON string that itself holds JSON (double-encoded by some upgrades) is decoded once more. */
    static JsonNode unwrap(Object value) {
        JsonNode node = parse(value);
        if (node != null && node.isTextual()) {
            JsonNode inner = parse(node.textValue());
            if (inner != null && inner.isContainerNode()) {
                return inner;
            }
        }
        return node;
    }

    private static JsonNode parse(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.parse(value.toString());
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(SourceRow row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
