package dev.webui.importer.source;

import java.sql.SQLException;
import java.util.List;

/**
 * Recognises the Open WebUI schema of a source database from the database itself: the alembic
 * revision (every revision from 0.3.x to 0.11.0 and dev), peewee's {@code migratehistory} for
 * early 0.3.x, and the tables alone for 0.1.x files, which have neither. An unknown revision is
 * refused with what its tables look like, unless the operator names the release to import it as.
 */
public final class VersionDetector {
    private static final List<String> PEEWEE = List.of(
            "001_initial_schema", "002_add_local_sharing", "003_add_auth_api_key", "004_add_archived",
            "005_add_updated_at", "006_migrate_timestamps_and_charfields", "007_add_user_last_active_at",
            "008_add_memory", "009_add_models", "010_migrate_modelfiles_to_models", "011_add_user_settings",
            "012_add_tools", "013_add_user_info", "014_add_files", "015_add_functions",
            "016_add_valves_and_is_active", "017_add_user_oauth_sub", "018_add_function_is_global");

    private VersionDetector() {
    }

    public static SourceVersion detect(SourceDatabase source) throws SQLException, UnsupportedSourceException {
        return detect(source, null);
    }

    /** {@code assumeVersion}: the release ("0.6.5") to import an unknown revision as, or null. */
    public static SourceVersion detect(SourceDatabase source, String assumeVersion) throws SQLException, UnsupportedSourceException {
        Revisions.Revision assumed = null;
        if (assumeVersion != null) {
            assumed = Revisions.forRelease(assumeVersion);
            if (assumed == null) {
                throw new UnsupportedSourceException("--assume-version " + assumeVersion + " is not an Open WebUI release this "
                        + "importer knows (0.3.0 to 0.11.0, e.g. --assume-version 0.6.5)");
            }
        }
        if (source.hasTable("alembic_version")) {
            List<String> revisions = source.strings("SELECT version_num FROM alembic_version");
            if (revisions.size() != 1) {
                throw new UnsupportedSourceException("alembic_version holds " + revisions.size()
                        + " rows (" + revisions + "); Open WebUI keeps exactly one. Start Open WebUI once so it finishes its migrations, then import again.");
            }
            String revision = revisions.get(0);
            Revisions.Revision known = Revisions.byId(revision);
            if (known != null) {
                return new SourceVersion(revision, known.label());
            }
            return unknown(source, "alembic revision " + revision, revision, assumed, assumeVersion);
        }
        if (source.hasTable("migratehistory") && source.hasTable("user") && source.hasTable("chat")) {
            List<String> names = source.strings("SELECT name FROM migratehistory ORDER BY id");
            for (String name : names) {
                if (!PEEWEE.contains(name)) {
                    return unknown(source, "peewee migration '" + name + "' (Open WebUI has 001–018)", "peewee " + name,
                            assumed, assumeVersion);
                }
            }
            String last = names.isEmpty() ? "none" : names.get(names.size() - 1);
            return new SourceVersion("peewee " + last, "Open WebUI 0.3.x before alembic");
        }
        if (source.hasTable("user") && source.hasTable("auth") && source.hasTable("chat")) {
            return new SourceVersion("no migration table", "Open WebUI 0.1.x");
        }
        throw new UnsupportedSourceException("This is not an Open WebUI database: it has neither an alembic_version nor a "
                + "migratehistory table, nor the user, auth and chat tables of 0.1.x (tables found: " + source.tables()
                + "). Point the importer at Open WebUI's webui.db (usually DATA_DIR/webui.db, /app/backend/data/webui.db in the Docker image).");
    }

    private static SourceVersion unknown(SourceDatabase source, String what, String revision, Revisions.Revision assumed,
                                         String assumeVersion) throws SQLException, UnsupportedSourceException {
        String recognised = Fingerprint.recognise(source);
        if (assumed != null) {
            return new SourceVersion(revision, "Open WebUI " + assumeVersion.replaceFirst("^v", "") + " as assumed ("
                    + (recognised == null ? "no known features recognised" : "tables recognised as " + recognised) + ")", true);
        }
        if (recognised == null) {
            throw new UnsupportedSourceException("Unknown " + what + " and none of Open WebUI's tables recognised; nothing was imported.");
        }
        String release = recognised.substring(0, recognised.indexOf(' '));
        throw new UnsupportedSourceException("Unknown " + what + " (a newer Open WebUI or a fork). Recognised from its tables: "
                + "Open WebUI " + recognised + " or later. Nothing was imported. If it follows that release, run again with "
                + "--assume-version " + release + ": it is then imported as that release, and tables and columns this importer "
                + "does not know are kept in import_extra.");
    }
}
