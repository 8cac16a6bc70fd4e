package dev.webui.importer.tables;

import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.RowReader;

import java.sql.Connection;
import java.util.List;

/**
 * Open WebUI 0.9+ keeps share snapshots in {@code shared_chat}; the suite, like 0.6.32, keeps them
 * as chats owned by the pseudo user {@code shared-<chat id>} with the share id as chat id
 * (see docs/importer.md, "Supported releases"). The sharer and the share's grants stay in import_extra.
 */
public final class SharedChatImport implements TableImport {
    private final ChatImport chats = new ChatImport();

    @Override
    public String target() {
        return "chat";
    }

    @Override
    public String source() {
        return "shared_chat";
    }

    @Override
    public List<String> orderBy() {
        return List.of("id");
    }

    @Override
    public int batchSize() {
        return chats.batchSize();
    }

    @Override
    public void prepare(SourceDatabase source, Connection target, ImportContext context) throws Exception {
        chats.prepare(source, target, context);
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) {
        var r = row.row();
        r.put("user_id", r.get("chat_id") == null ? null : "shared-" + r.get("chat_id"));
        r.put("archived", 0);
        r.put("pinned", null);
        r.put("meta", "{}");
        r.put("folder_id", null);
        r.put("share_id", null);
        return chats.map(row, context);
    }
}
