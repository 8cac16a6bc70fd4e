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
        assertEquals("Open WebUI 0.6.32–0.6.34 (a5c220713937)", detect(OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32)).toString());
        assertEquals("Open WebUI 0.5.20–0.6.5 (3781e22d8b01)", detect(OpenWebuiFixture.sqlite(dir, Vintage.V0_5)).toString());
        assertEquals("242a2047eae0", detect(OpenWebuiFixture.sqlite(dir, Vintage.V0_4)).revision());
    }

    @Test
    void aNewerHeadIsRefusedNamingTheRevision() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "UPDATE alembic_version SET version_num = '37f288994c47'");
        String message = refusal(db);
        assertTrue(message.contains("37f288994c47") && message.contains("newer"), message);
    }

    @Test
    void anUnknownHeadIsRefusedNamingTheRevision() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "UPDATE alembic_version SET version_num = 'ffff00001111'");
        assertTrue(refusal(db).contains("Unknown alembic revision ffff00001111"));
    }

    @Test
    void tablesOfNewerReleasesAreRefusedWhateverTheRevision() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "CREATE TABLE group_member (id TEXT, group_id TEXT, user_id TEXT)");
        String message = refusal(db);
        assertTrue(message.contains("'group_member'") && message.contains("a5c220713937"), message);
    }

    @Test
    void peeweeOnlyDatabasesAreRecognisedAndUnknownMigrationsRefused() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "DROP TABLE alembic_version");
        assertEquals("Open WebUI 0.3.x before alembic", detect(db).releases());
        OpenWebuiFixture.execute(db, "INSERT INTO migratehistory (id, name, migrated_at) VALUES (99, '019_future', '2025-01-01')");
        assertTrue(refusal(db).contains("019_future"));
    }

    @Test
    void somethingElseIsNotMistakenForOpenWebui() throws Exception {
        Path db = dir.resolve("other.db");
        OpenWebuiFixture.execute(db, "CREATE TABLE notes (id INTEGER)");
        assertTrue(refusal(db).contains("not an Open WebUI database"));
    }
}
