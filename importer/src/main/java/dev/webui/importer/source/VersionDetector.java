package dev.webui.importer.source;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code alembic_version} (Open WebUI 0.3.x from the introduction of alembic up to 0.6.34)
 * or, for older databases, peewee's {@code migratehistory}, and refuses anything newer than the
 * schema described in shared/spec/schema.md §6.
 */
public final class VersionDetector {
    /** Alembic revisions of Open WebUI in order, with the releases whose head they are or were. */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("7e5b5dc7342b", "Open WebUI 0.3.x (alembic init)");
        KNOWN.put("ca81bd47c050", "Open WebUI 0.3.x (config table)");
        KNOWN.put("c0fbf31ca0db", "Open WebUI 0.3.x (file table update)");
        KNOWN.put("6a39f3d8e55c", "Open WebUI 0.3.x (knowledge table)");
        KNOWN.put("242a2047eae0", "Open WebUI 0.4.x (chat as JSON)");
        KNOWN.put("1af9b942657b", "Open WebUI 0.4.x (tags folded into chat.meta)");
        KNOWN.put("3ab32c4b8f59", "Open WebUI 0.4.x (tag table update)");
        KNOWN.put("c69f45358db4", "Open WebUI 0.4.x (folder table)");
        KNOWN.put("c29facfe716b", "Open WebUI 0.4.x (file path)");
        KNOWN.put("af906e964978", "Open WebUI 0.5.x (feedback table)");
        KNOWN.put("4ace53fd72c8", "Open WebUI 0.5.x (folder timestamps)");
        KNOWN.put("922e7a387820", "Open WebUI 0.5.x (group table)");
        KNOWN.put("57c599a3cb57", "Open WebUI 0.5.x (channel table)");
        KNOWN.put("7826ab40b532", "Open WebUI 0.5.x (file access control)");
        KNOWN.put("3781e22d8b01", "Open WebUI 0.5.20–0.6.5");
        KNOWN.put("9f0c9cd09105", "Open WebUI 0.6.6–0.6.15");
        KNOWN.put("d31026856c01", "Open WebUI 0.6.16–0.6.22");
        KNOWN.put("018012973d35", "Open WebUI 0.6.23 (indexes)");
        KNOWN.put("3af16a1c9fb6", "Open WebUI 0.6.23–0.6.26");
        KNOWN.put("38d63c18f30f", "Open WebUI 0.6.27–0.6.31");
        KNOWN.put("a5c220713937", "Open WebUI 0.6.32–0.6.34");
    }

    /** Heads of releases after 0.6.34 whose schema this importer does not map. */
    private static final Map<String, String> NEWER = Map.of(
            "37f288994c47", "Open WebUI after 0.6.34 (group_member table)",
            "2f1211949ecc", "Open WebUI after 0.6.34 (channel_member and message pinning)",
            "b10670c03dd5", "Open WebUI after 0.6.34 (api_key table, user.api_key removed)");

    /** Tables that only newer releases have. */
    private static final Set<String> NEWER_TABLES = Set.of("group_member", "api_key");

    private static final List<String> PEEWEE = List.of(
            "001_initial_schema", "002_add_local_sharing", "003_add_auth_api_key", "004_add_archived",
            "005_add_updated_at", "006_migrate_timestamps_and_charfields", "007_add_user_last_active_at",
            "008_add_memory", "009_add_models", "010_migrate_modelfiles_to_models", "011_add_user_settings",
            "012_add_tools", "013_add_user_info", "014_add_files", "015_add_functions",
            "016_add_valves_and_is_active", "017_add_user_oauth_sub", "018_add_function_is_global");

    private VersionDetector() {
    }

    public static SourceVersion detect(SourceDatabase source) throws SQLException, UnsupportedSourceException {
        for (String table : NEWER_TABLES) {
            if (source.hasTable(table)) {
                String revision = source.hasTable("alembic_version") ? revisions(source).toString() : "unknown";
                throw new UnsupportedSourceException("The database is newer than this importer understands: it has a '"
                        + table + "' table (alembic revision " + revision + "); this importer reads Open WebUI 0.3.x–0.6.34. "
                        + "Export from an Open WebUI 0.6.34 installation or use a newer importer.");
            }
        }
        if (source.hasTable("alembic_version")) {
            List<String> revisions = revisions(source);
            if (revisions.size() != 1) {
                throw new UnsupportedSourceException("alembic_version holds " + revisions.size()
                        + " rows (" + revisions + "); Open WebUI keeps exactly one. Start Open WebUI once so it finishes its migrations, then import again.");
            }
            String revision = revisions.get(0);
            if (NEWER.containsKey(revision)) {
                throw new UnsupportedSourceException("The database is newer than this importer understands: alembic revision "
                        + revision + " = " + NEWER.get(revision) + "; this importer reads Open WebUI 0.3.x–0.6.34.");
            }
            if (!KNOWN.containsKey(revision)) {
                throw new UnsupportedSourceException("Unknown alembic revision " + revision
                        + " (probably a release newer than Open WebUI 0.6.34, which this importer does not map). "
                        + "Import from Open WebUI 0.6.34 or earlier.");
            }
            return new SourceVersion(revision, KNOWN.get(revision));
        }
        if (source.hasTable("migratehistory") && source.hasTable("user") && source.hasTable("chat")) {
            List<String> names = source.strings("SELECT name FROM migratehistory ORDER BY id");
            for (String name : names) {
                if (!PEEWEE.contains(name)) {
                    throw new UnsupportedSourceException("Unknown peewee migration '" + name
                            + "' in migratehistory; this importer knows Open WebUI's 001–018. Nothing was imported.");
                }
            }
            String last = names.isEmpty() ? "none" : names.get(names.size() - 1);
            return new SourceVersion("peewee " + last, "Open WebUI 0.3.x before alembic");
        }
        throw new UnsupportedSourceException("This is not an Open WebUI database: it has neither an alembic_version nor a "
                + "migratehistory table (tables found: " + source.tables() + "). Point the importer at Open WebUI's webui.db "
                + "(usually DATA_DIR/webui.db, /app/backend/data/webui.db in the Docker image).");
    }

    private static List<String> revisions(SourceDatabase source) throws SQLException {
        return source.strings("SELECT version_num FROM alembic_version");
    }
}
