package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.tables.DuplicateEmailsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalAndDryRunTest {
    @TempDir
    Path dir;
    Target target;

    @BeforeEach
    void create() {
        target = Target.create();
    }

    @AfterEach
    void drop() {
        target.drop();
    }

    @Test
    void emailsEqualIgnoringCaseStopTheImportBeforeAnyRow() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.execute(db, "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at) "
                + "VALUES ('u-alice2', 'Alice again', 'Alice@Example.com', 'user', '/user.png', 1, 1, 1)");
        DuplicateEmailsException e = assertThrows(DuplicateEmailsException.class, () -> target.importSqlite(db, null, null));
        assertTrue(e.getMessage().contains("u-alice <alice@example.com>, u-alice2 <Alice@Example.com>"), e.getMessage());
        assertEquals(0L, target.row("SELECT count(*) AS n FROM \"user\"").get("n"));
    }

    @Test
    void anAccountWhoseEmailIsTakenInTheTargetIsSkippedWithItsAuth() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        target.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_5), null, null); // creates the schema and users
        target.rows("DELETE FROM \"user\" WHERE id = 'u-bob' RETURNING id");
        target.rows("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) "
                + "VALUES ('u-other', 'Other Bob', 'BOB@example.com', 'user', 1, 1, 1) RETURNING id");
        Report report = target.importSqlite(db, null, null);
        assertEquals(1, report.table("user").skippedCount("e-mail already used by another account in the target (u-other)"));
        assertEquals(0L, target.row("SELECT count(*) AS n FROM auth WHERE id = 'u-bob'").get("n"));
    }

    @Test
    void dryRunReportsAndWritesNothing() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        Path uploads = OpenWebuiFixture.uploads(dir);
        Path uploadDir = Files.createDirectories(dir.resolve("suite"));
        Report dry;
        try (SourceDatabase source = SourceDatabase.sqlite(db)) {
            dry = target.run(source, uploads, uploadDir, (t, b) -> { }, true);
        }
        assertEquals(0L, target.row("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").get("n"), "not even the schema");
        try (var files = Files.list(uploadDir)) {
            assertEquals(0, files.count());
        }
        Report real = target.importSqlite(db, uploads, uploadDir);
        for (String table : real.tables().keySet()) {
            assertEquals(real.table(table).writtenCount(), dry.table(table).writtenCount(), table);
            assertEquals(real.table(table).skippedCount(), dry.table(table).skippedCount(), table);
        }
    }
}
