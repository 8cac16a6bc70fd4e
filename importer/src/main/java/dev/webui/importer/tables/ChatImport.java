package dev.webui.importer.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.core.chat.ChatSplitter;
import dev.webui.core.chat.MessageRow;
import dev.webui.core.chat.SplitChat;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Epochs;
import dev.webui.importer.value.Json;
import dev.webui.importer.value.RowReader;
import dev.webui.importer.value.Text;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code chat}, split into the blob and its {@code chat_message} rows (docs/schema.md, "The chat split"). */
public final class ChatImport extends NamedImport {
    private static final String CHAT_SQL = "INSERT INTO chat (id, user_id, title, share_id, archived, pinned, meta, folder_id,"
            + " created_at, updated_at, chat) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING";
    private static final String MESSAGE_SQL = "INSERT INTO chat_message (chat_id, id, position, parent_id, role, content, model,"
            + " done, \"timestamp\", data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Databases older than alembic 1af9b942657b keep tags in chatidtag (chat id → tag names). */
    private final Map<String, List<String>> legacyTags = new HashMap<>();

    public ChatImport() {
        super("chat", 100);
    }

    @Override
    public void prepare(SourceDatabase source, Connection target, ImportContext context) throws Exception {
        if (!source.columns("chat").contains("meta") && source.hasTable("chatidtag")) {
            source.stream("chatidtag", List.of("timestamp", "id"), row -> {
                Object chat = row.get("chat_id");
                Object tag = row.get("tag_name");
                if (chat != null && tag != null) {
                    legacyTags.computeIfAbsent(chat.toString(), k -> new ArrayList<>()).add(Text.stripNul(tag.toString()));
                }
            });
        }
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) {
        String id = row.id();
        if (id == null || id.isEmpty()) {
            context.report().table("chat").skip("no id", null);
            return List.of();
        }
        if (row.text("user_id") == null) {
            context.report().table("chat").skip("no owner (user_id)", id);
            return List.of();
        }
        long updated = Columns.required(row, "updated_at", Epochs.Unit.SECONDS, "created_at");
        long created = Columns.required(row, "created_at", Epochs.Unit.SECONDS, "updated_at");
        JsonNode parsed = row.json("chat");
        ObjectNode chat;
        if (parsed instanceof ObjectNode object) {
            chat = object;
        } else {
            row.repair("chat JSON missing or not an object, imported as {}");
            chat = NODES.objectNode();
        }
        SplitChat split = ChatSplitter.split(id, chat);
        split.repairs().forEach(row::repair);

        ObjectNode meta = meta(row);
        boolean pinned = row.bool("pinned", false);
        List<String> tags = legacyTags.get(id);
        if (tags != null) {
            ArrayNode ids = meta.withArray("tags");
            Set<String> unique = new LinkedHashSet<>();
            ids.forEach(t -> unique.add(t.asText()));
            for (String tag : tags) {
                if (tag.equalsIgnoreCase("pinned")) {
                    pinned = true;
                } else if (!tag.equalsIgnoreCase("none") && unique.add(Tables.normaliseTag(tag))) {
                    ids.add(Tables.normaliseTag(tag));
                }
            }
        }
        String title = row.text("title");
        if (title == null) {
            JsonNode t = split.blob().get("title");
            title = t != null && t.isTextual() ? t.textValue() : "New Chat";
            row.repair("title missing, taken from the chat");
        }

        List<Insert> inserts = new ArrayList<>(split.rowsOrNone().size() + 1);
        inserts.add(new Insert("chat", CHAT_SQL, Arrays.asList(id, row.text("user_id"), title, blankToNull(row.text("share_id")),
                row.bool("archived", false), pinned, Json.write(meta), blankToNull(row.text("folder_id")),
                created, updated, Json.write(split.blob()))));
        for (MessageRow m : split.rowsOrNone()) {
            context.report().table("chat_message").read();
            inserts.add(new Insert("chat_message", MESSAGE_SQL, Arrays.asList(id, m.id(), m.position(), m.parentId(),
                    m.role(), m.content(), m.model(), m.done(), m.timestamp(), Json.write(m.data()), updated, updated)));
        }
        return inserts;
    }

    private static ObjectNode meta(RowReader row) {
        JsonNode meta = row.json("meta");
        if (meta instanceof ObjectNode object) {
            return object;
        }
        if (meta != null) {
            row.repair("meta was not an object, set to {}");
        }
        return NODES.objectNode();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
