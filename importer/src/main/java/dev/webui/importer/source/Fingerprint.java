package dev.webui.importer.source;

import java.sql.SQLException;
import java.util.List;

/**
 * The newest Open WebUI release whose tables and columns a database has, read from the database
 * itself (docs/importer.md, "Supported releases"): for unknown revisions, forks and 0.1.x files.
 */
public final class Fingerprint {
    private record Feature(String release, String table, String column, String what) {
    }

    /** Newest first. */
    private static final List<Feature> FEATURES = List.of(
            new Feature("0.11.0", "automation", "folder_id", "automation.folder_id"),
            new Feature("0.10.0", "config", "key", "per-key config table"),
            new Feature("0.9.6", "knowledge_directory", null, "knowledge_directory table"),
            new Feature("0.9.3", "pinned_note", null, "pinned_note table"),
            new Feature("0.9.0", "shared_chat", null, "shared_chat table"),
            new Feature("0.8.1", "user", "scim", "user.scim"),
            new Feature("0.8.0", "access_grant", null, "access_grant table"),
            new Feature("0.6.42", "chat_file", null, "chat_file table"),
            new Feature("0.6.41", "api_key", null, "api_key table"),
            new Feature("0.6.37", "group_member", null, "group_member table"),
            new Feature("0.6.6", "message", "reply_to_id", "message.reply_to_id"),
            new Feature("0.5.0", "group", null, "group table"),
            new Feature("0.4.0", "folder", null, "folder table"),
            new Feature("0.3.0", "file", null, "file table"),
            new Feature("0.1.0", "chat", null, "user, auth and chat tables"));

    private Fingerprint() {
    }

    /** "0.9.6 (knowledge_directory table)", or null when not even a 0.1.x database. */
    public static String recognise(SourceDatabase source) throws SQLException {
        if (!source.hasTable("user") || !source.hasTable("auth") || !source.hasTable("chat")) {
            return null;
        }
        for (Feature f : FEATURES) {
            if (source.hasTable(f.table()) && (f.column() == null || source.columns(f.table()).contains(f.column()))) {
                return f.release() + " (" + f.what() + ")";
            }
        }
        return null;
    }
}
