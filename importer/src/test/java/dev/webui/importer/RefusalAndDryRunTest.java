package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.UnsupportedSourceException;
import dev.webui.importer.tables.AccountConflictException;
import dev.webui.importer.tables.DuplicateEmailsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

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

    /** The suite's own sign-up took Bob's e-mail before the import. */
    private Path bobSignedUpAgain() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        target.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_5), null, null); // creates the schema and users
        target.execute("TRUNCATE chat, file, note, group_member, folder, message, memory CASCADE");
        target.rows("DELETE FROM \"user\" WHERE id = 'u-bob' RETURNING id");
        target.rows("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) "
                + "VALUES ('u-other', 'Other Bob', 'BOB@example.com', 'user', 1, 1, 1) RETURNING id");
        target.rows("INSERT INTO auth (id, email, password, active) VALUES ('u-other', 'BOB@example.com', 'new-hash', true) RETURNING id");
        return db;
    }

    @Test
    void anAccountWhoseEmailIsTakenInTheTargetIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path db = bobSignedUpAgain();
        long users = (Long) target.row("SELECT count(*) AS n FROM \"user\"").get("n");
        AccountConflictException e = assertThrows(AccountConflictException.class, () -> target.importSqlite(db, false, false, false));
        assertTrue(e.getMessage().contains("source u-bob <bob@example.com> → existing u-other <BOB@example.com>")
                && e.getMessage().contains("--merge-accounts"), e.getMessage());
        assertEquals(users, target.row("SELECT count(*) AS n FROM \"user\"").get("n"));
        assertEquals(0L, target.row("SELECT count(*) AS n FROM chat").get("n"));
    }

    @Test
    void mergeAccountsGivesTheSourceAccountsDataToTheExistingOne() throws Exception {
        Path db = bobSignedUpAgain();
        Report report = target.importSqlite(db, true, false, false);
        assertEquals(1, report.table("user").mergedCount());
        assertEquals(0L, target.row("SELECT count(*) AS n FROM \"user\" WHERE id = 'u-bob'").get("n"));
        assertEquals("new-hash", target.row("SELECT password FROM auth WHERE id = 'u-other'").get("password"), "keeps its password");
        assertEquals("u-other", target.row("SELECT user_id FROM chat WHERE id = 'c-legacy'").get("user_id"));
        assertEquals(List.of("u-other", "u-other"), target.rows("SELECT user_id FROM file WHERE id IN ('file-3', 'file-4')")
                .stream().map(r -> r.get("user_id")).toList());
        assertEquals("u-other", target.row("SELECT user_id FROM note WHERE id = 'n-2'").get("user_id"));
        assertEquals(1L, target.row("SELECT count(*) AS n FROM group_member WHERE group_id = 'g-1' AND user_id = 'u-other'").get("n"));
        assertEquals("u-other", target.row("SELECT user_id FROM message WHERE id = 'msg-3'").get("user_id"));
        assertTrue(report.table("auth").skippedCount("account merged onto u-other, which keeps its own password") == 1);
    }

    @Test
    void dryRunWithoutATargetSchemaReportsAndWritesNothing() throws Exception {
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

    @Test
    void dryRunComparesWithTheTarget() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        target.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_5), null, null);
        target.rows("DELETE FROM chat WHERE id = 'c-1' RETURNING id");
        String before = target.dump().toString();
        Report dry = target.importSqlite(db, false, false, true);
        assertEquals(before, target.dump().toString(), "nothing written");
        assertEquals(1, dry.table("chat").writtenCount(), "only the deleted chat would be written again");
        assertEquals(2, dry.table("note").writtenCount(), "0.5 had no notes");
        assertEquals(0, dry.table("user").writtenCount());
        Report real = target.importSqlite(db, false, false, false);
        for (String table : real.tables().keySet()) {
            assertEquals(real.table(table).writtenCount(), dry.table(table).writtenCount(), table);
        }
        target.rows("UPDATE \"user\" SET email = 'x@example.com' WHERE id = 'u-bob' RETURNING id");
        target.rows("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) "
                + "VALUES ('u-other', 'Other Bob', 'bob@example.com', 'user', 1, 1, 1) RETURNING id");
        target.rows("DELETE FROM \"user\" WHERE id = 'u-bob' RETURNING id");
        assertThrows(AccountConflictException.class, () -> target.importSqlite(db, false, false, true), "a dry run refuses as the real run would");
    }

    @Test
    void aDamagedSourceIsRefusedNamingTheTableAndNothingIsWritten() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.addChats(db, 300); // the chat table spans several pages
        int pageSize;
        int root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'chat'")) {
                rs.next();
                root = rs.getInt(1);
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.seek((long) (root - 1) * pageSize);
            file.write(new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4, 5, 6, 7, 8});
        }
        UnsupportedSourceException e = assertThrows(UnsupportedSourceException.class, () -> target.importSqlite(db, null, null));
        assertTrue(e.getMessage().contains("table 'chat' cannot be read") && e.getMessage().contains("Nothing was written"), e.getMessage());
        assertEquals(0L, target.row("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").get("n"));
    }
}
