package dev.webui.importer.tables;

import dev.webui.importer.value.RowReader;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Every table the importer brings over, in dependency order (docs/schema.md, "Import procedure outline"). */
public final class Tables {
    private static final Set<String> FUNCTION_TYPES = Set.of("filter", "pipe", "action");

    private Tables() {
    }

    public static List<TableImport> all(ImportContext context) {
        return List.of(
                new UserImport(),
                auth(context),
                oauthSession(context),
                new GroupImport(),
                tag(),
                folder(),
                new ChatImport(),
                new SharedChatImport(),
                new FileImport(),
                new MappedImport("knowledge", Columns.of("knowledge")
                        .text("id").text("user_id", "").text("name", "").text("description")
                        .json("data").json("meta").json("access_control")
                        .requiredSeconds("created_at", "updated_at").seconds("updated_at")),
                new MappedImport("model", Columns.of("model")
                        .text("id").text("user_id", "").text("base_model_id").text("name", "")
                        .json("meta", "{}").json("params", "{}").json("access_control")
                        .bool("is_active", true)
                        .requiredSeconds("created_at", "updated_at").requiredSeconds("updated_at", "created_at")),
                new MappedImport("prompt", "prompt", Columns.of("prompt")
                        .text("command").text("user_id", "").text("title", "").text("content", "")
                        .json("access_control").requiredSeconds("timestamp"),
                        r -> r.text("command") == null || r.text("command").isEmpty() ? "no command" : null)
                        .orderedBy("command"),
                new MappedImport("tool", Columns.of("tool")
                        .text("id").text("user_id", "").text("name", "").text("content", "")
                        .json("specs", "[]").json("meta", "{}").json("valves").json("access_control")
                        .requiredSeconds("created_at", "updated_at").requiredSeconds("updated_at", "created_at")),
                new MappedImport("function", "function", Columns.of("function")
                        .text("id").text("user_id", "").text("name", "").text("type").text("content", "")
                        .json("meta", "{}").json("valves").bool("is_active", false).bool("is_global", false)
                        .requiredSeconds("created_at", "updated_at").requiredSeconds("updated_at", "created_at"),
                        r -> FUNCTION_TYPES.contains(r.text("type")) ? null : "type '" + r.text("type") + "' is not filter, pipe or action"),
                new MappedImport("memory", Columns.of("memory")
                        .text("id").text("user_id", "").text("content", "")
                        .requiredSeconds("created_at", "updated_at").requiredSeconds("updated_at", "created_at")),
                new MappedImport("feedback", Columns.of("feedback")
                        .text("id").text("user_id").value("version", r -> version(r)).text("type")
                        .json("data").json("meta").json("snapshot")
                        .requiredSeconds("created_at", "updated_at").requiredSeconds("updated_at", "created_at")),
                new MappedImport("note", Columns.of("note")
                        .text("id").text("user_id").text("title").json("data").json("meta").json("access_control")
                        .nanos("created_at").nanos("updated_at")),
                new MappedImport("channel", Columns.of("channel")
                        .text("id").text("user_id").text("type").text("name").text("description")
                        .json("data").json("meta").json("access_control").nanos("created_at").nanos("updated_at")),
                new MappedImport("channel_member", "channel_member", Columns.of("channel_member")
                        .text("id").text("channel_id").text("user_id").nanos("created_at"),
                        r -> r.text("channel_id") == null || r.text("user_id") == null ? "no channel or user" : null),
                new MappedImport("message", Columns.of("message")
                        .text("id").text("user_id").text("channel_id").text("parent_id").text("reply_to_id")
                        .text("content").json("data").json("meta").nanos("created_at").nanos("updated_at")),
                reaction(),
                new ConfigImport());
    }

    private static Long version(RowReader r) {
        Long v = r.integer("version");
        return v == null ? 0L : v;
    }

    private static TableImport auth(ImportContext context) {
        Columns columns = Columns.of("auth")
                .text("id")
                .value("email", r -> {
                    String email = context.userEmail(r.id());
                    if (!email.equals(r.text("email"))) {
                        r.repair("auth e-mail differed from the user's, set to the user's");
                    }
                    return email;
                })
                .text("password")
                .bool("active", true);
        return new MappedImport("auth", "auth", columns, r -> {
            if (!context.owner(r.id()).equals(r.id())) {
                return "account merged onto " + context.owner(r.id()) + ", which keeps its own password";
            }
            if (context.userEmail(r.id()) == null) {
                return "no such user (missing, pseudo user or skipped)";
            }
            return r.text("password") == null || r.text("password").isEmpty() ? "no password hash" : null;
        });
    }

    private static TableImport oauthSession(ImportContext context) {
        Columns columns = Columns.of("oauth_session")
                .text("id").text("user_id").text("provider", "").text("token", "")
                .requiredSeconds("expires_at").requiredSeconds("created_at", "updated_at")
                .requiredSeconds("updated_at", "created_at");
        return new MappedImport("oauth_session", "oauth_session", columns,
                r -> context.userEmail(r.text("user_id")) == null ? "no such user (missing, pseudo user or skipped)" : null);
    }

    /** Before alembic 3ab32c4b8f59 tag ids were uuids; now they are the normalised name. */
    private static TableImport tag() {
        Set<String> seen = new HashSet<>();
        Columns columns = Columns.of("tag")
                .value("id", Tables::tagId).text("name", "").text("user_id", "").json("meta");
        return new MappedImport("tag", "tag", columns, r -> {
            String key = r.text("user_id") + "\n" + tagId(r);
            return seen.add(key) ? null : "duplicate tag of the same user";
        }).orderedBy("user_id", "id");
    }

    static String tagId(RowReader r) {
        if (r.row().has("meta") || r.text("name") == null) {
            return r.text("id");
        }
        return normaliseTag(r.text("name"));
    }

    static String normaliseTag(String name) {
        return name.replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    private static TableImport folder() {
        Set<String> seen = new HashSet<>();
        Columns columns = Columns.of("folder")
                .text("id").text("parent_id").text("user_id", "").text("name", "")
                .json("items").json("meta").bool("is_expanded", false)
                .requiredSeconds("created_at", "updated_at").requiredSeconds("updated_at", "created_at")
                .json("data");
        return new MappedImport("folder", "folder", columns,
                r -> seen.add(r.id()) ? null : "folder id already used by another user's folder")
                .orderedBy("created_at", "id");
    }

    /** Double clicks left duplicate reactions: the earliest one is kept. */
    private static TableImport reaction() {
        Set<String> seen = new HashSet<>();
        Columns columns = Columns.of("message_reaction")
                .text("id").text("user_id", "").text("message_id", "").text("name", "").nanos("created_at");
        return new MappedImport("message_reaction", "message_reaction", columns, r -> {
            String key = r.text("message_id") + "\n" + r.text("user_id") + "\n" + r.text("name");
            return seen.add(key) ? null : "duplicate of an earlier reaction (same message, user and emoji)";
        }).orderedBy("created_at", "id");
    }
}
