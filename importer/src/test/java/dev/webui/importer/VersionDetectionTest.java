package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.SourceVersion;
import dev.webui.importer.source.UnsupportedSourceException;
import dev.webui.importer.source.VersionDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionDetectionTest {
    @TempDir
    Path dir;

    private SourceVersion detect(Path db) throws Exception {
        try (SourceDatabase source = SourceDatabase.sqlite(db)) {
            return VersionDetector.detect(source);
        }
    }

    private String refusal(Path db) {
        return assertThrows(UnsupportedSourceException.class, () -> detect(db)).getMessage();
    }

    @Test
    void knownVintagesAreRecognised() throws Exception {
        assertEquals("Open WebUI 0.6.32–0.6.36 (a5c220713937)", detect(OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32)).toString());
        assertEquals("Open WebUI 0.5.20–0.6.5 (3781e22d8b01)", detect(OpenWebuiFixture.sqlite(dir, Vintage.V0_5)).toString());
        assertEquals("242a2047eae0", detect(OpenWebuiFixture.sqlite(dir, Vintage.V0_4)).revision());
    }

    @Test
    void everyHeadUpToTheNewestReleaseIsKnown() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "UPDATE alembic_version SET version_num = '37f288994c47'");
        assertEquals("Open WebUI 0.6.37–0.6.40", detect(db).releases());
        OpenWebuiFixture.execute(db, "UPDATE alembic_version SET version_num = 'f0bd01a18a3d'");
        assertEquals("Open WebUI 0.11.0", detect(db).releases());
        OpenWebuiFixture.execute(db, "UPDATE alembic_version SET version_num = '959eaac8f909'");
        assertTrue(detect(db).releases().startsWith("Open WebUI 0.11.0"));
    }

    @Test
    void anUnknownHeadIsRefusedWithWhatItsTablesLookLikeAndTheWayOut() throws Exception {
        // a fork of 0.6.5 with two extra tables
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_5);
        OpenWebuiFixture.execute(db, "UPDATE alembic_version SET version_num = '20250122_missing_tables'",
                "CREATE TABLE fork_billing (id TEXT PRIMARY KEY, amount INTEGER)", "CREATE TABLE fork_wallet (id TEXT PRIMARY KEY)");
        String message = refusal(db);
        assertTrue(message.contains("Unknown alembic revision 20250122_missing_tables") && message.contains("Recognised from its tables: "
                + "Open WebUI 0.5.0 (group table)") && message.contains("--assume-version 0.5.0"), message);
        try (SourceDatabase source = SourceDatabase.sqlite(db)) {
            SourceVersion assumed = VersionDetector.detect(source, "0.6.5");
            assertTrue(assumed.assumed() && assumed.toString().contains("Open WebUI 0.6.5 as assumed"), assumed.toString());
            assertThrows(UnsupportedSourceException.class, () -> VersionDetector.detect(source, "banana"));
        }
    }

    @Test
    void aHalfMigratedFileWithNewerTablesIsAcceptedAtItsRevision() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "CREATE TABLE group_member (id TEXT, group_id TEXT, user_id TEXT)");
        assertEquals("a5c220713937", detect(db).revision());
    }

    @Test
    void aDatabaseWithoutMigrationTablesIsRecognisedAs01x() throws Exception {
        Path db = dir.resolve("old.db");
        OpenWebuiFixture.execute(db, "CREATE TABLE user (id TEXT)", "CREATE TABLE auth (id TEXT)", "CREATE TABLE chat (id TEXT)");
        assertEquals("Open WebUI 0.1.x", detect(db).releases());
    }

    @Test
    void peeweeOnlyDatabasesAreRecognisedAndUnknownMigrationsRefused() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "DROP TABLE alembic_version");
        assertEquals("Open WebUI 0.3.x before alembic", detect(db).releases());
        OpenWebuiFixture.execute(db, "INSERT INTO migratehistory (id, name, migrated_at) VALUES (99, '019_future', '2025-01-01')");
        assertTrue(refusal(db).contains("019_future") && refusal(db).contains("--assume-version"));
    }

    @Test
    void somethingElseIsNotMistakenForOpenWebui() throws Exception {
        Path db = dir.resolve("other.db");
        OpenWebuiFixture.execute(db, "CREATE TABLE notes (id INTEGER)");
        assertTrue(refusal(db).contains("not an Open WebUI database"));
    }
}
