package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: usage, errors that say what to do, exit statuses, the printed report. */
class MainTest {
    @TempDir
    static Path dir;
    static Path db;
    static Target target;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        java.nio.file.Files.writeString(dir.resolve("uploads-not-db.txt"), "this is a text file, not SQLite ".repeat(100));
        target = Target.create();
    }

    @AfterAll
    static void drop() {
        target.drop();
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, env::get, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageAndArgumentErrors() {
        Run none = run(Map.of());
        assertEquals(1, none.status());
        assertTrue(none.err().contains("say what to import") && none.err().contains("Usage:"), none.err());

        Run help = run(Map.of(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("java -jar importer.jar sqlite <webui.db>"));

        Run missing = run(Map.of(), "sqlite", dir.resolve("nope.db").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("does not exist") && missing.err().contains("/app/backend/data/webui.db"), missing.err());

        Run unknown = run(Map.of(), "sqlite", db.toString(), "--fast");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("unknown option '--fast'"));

        Run kind = run(Map.of(), "mysql", "x");
        assertTrue(kind.err().contains("unknown source 'mysql'"));
    }

    @Test
    void configurationErrorsSayWhatToSet() {
        Run noTarget = run(Map.of(), "sqlite", db.toString());
        assertEquals(1, noTarget.status());
        assertTrue(noTarget.err().contains("set DATABASE_URL=postgresql://"), noTarget.err());

        Run noUploadDir = run(Map.of("DATABASE_URL", target.database().url()), "sqlite", db.toString(), "--uploads", dir.toString());
        assertEquals(1, noUploadDir.status());
        assertTrue(noUploadDir.err().contains("--uploads needs UPLOAD_DIR"), noUploadDir.err());

        Run s3 = run(Map.of("DATABASE_URL", target.database().url(), "STORAGE_PROVIDER", "s3", "UPLOAD_DIR", dir.toString()),
                "sqlite", db.toString(), "--uploads", dir.toString());
        assertTrue(s3.err().contains("STORAGE_PROVIDER=s3"), s3.err());

        Run unreachable = run(Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere"), "sqlite", db.toString());
        assertEquals(1, unreachable.status());
        assertTrue(unreachable.err().contains("cannot connect to the target database postgresql://postgres@127.0.0.1:1/nowhere")
                && unreachable.err().contains("check DATABASE_URL"), unreachable.err());

        Run notADatabase = run(Map.of(), "sqlite", dir.resolve("uploads-not-db.txt").toString(), "--dry-run");
        assertEquals(1, notADatabase.status());
        assertTrue(notADatabase.err().contains("cannot read the source database") && notADatabase.err().contains("webui.db"), notADatabase.err());

        Run badSource = run(Map.of("DATABASE_URL", target.database().url()), "postgres", "mysql://x/y");
        assertEquals(1, badSource.status());
        assertTrue(badSource.err().contains("the source URL is malformed"), badSource.err());
    }

    @Test
    void refusedSourceExitsWithTwo() throws Exception {
        Path newer = OpenWebuiFixture.sqlite(dir, Vintage.V0_5);
        OpenWebuiFixture.execute(newer, "UPDATE alembic_version SET version_num = 'fork00000001'");
        Run refused = run(Map.of(), "sqlite", newer.toString(), "--dry-run");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("refused") && refused.err().contains("fork00000001"), refused.err());
        Run assumed = run(Map.of(), "sqlite", newer.toString(), "--dry-run", "--assume-version", "0.6.5");
        assertEquals(0, assumed.status(), assumed.err());
        assertTrue(assumed.out().contains("source: Open WebUI 0.6.5 as assumed"), assumed.out());
    }

    @Test
    void importPrintsProgressAndTheReport() throws Exception {
        Run done = run(Map.of("DATABASE_URL", target.database().url()), "sqlite", db.toString());
        assertEquals(0, done.status(), done.err());
        assertTrue(done.err().contains("Source: Open WebUI 0.6.32–0.6.36 (a5c220713937)"), done.err());
        assertTrue(done.err().matches("(?s).*chat\\s+4 read, 4 written, 0 skipped in .*"), done.err());
        assertTrue(done.out().matches("(?s).*user\\s+4\\s+3\\s+0\\s+1\\n.*"), done.out());
        assertTrue(done.out().contains("user: skipped 1 × pseudo user of a shared chat (shared-<chat id>), not an account (e.g. shared-c1)"), done.out());
        assertTrue(done.out().contains("chat: repaired 1 × legacy chat without history converted from its messages list (e.g. c-legacy)"), done.out());
        assertEquals(3L, target.row("SELECT count(*) AS n FROM \"user\"").get("n"));

        Run again = run(Map.of("DATABASE_URL", target.database().url()), "sqlite", db.toString());
        assertEquals(0, again.status());
        assertTrue(again.out().matches("(?s).*user\\s+4\\s+0\\s+3\\s+1\\n.*"), again.out());
    }
}
