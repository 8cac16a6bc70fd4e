package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar as the operator runs it, including SIGKILL part-way through and a rerun. */
class ImporterJarIT {
    static final int CHATS = 6000;

    @TempDir
    static Path dir;
    static Path db;
    static Path uploads;
    static Target target;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(System.getProperty("importer.jar") != null,
                "needs the packaged jar: runs under failsafe (mvn verify), not when surefire is pointed at it with -Dtest");
        db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.addChats(db, CHATS);
        uploads = OpenWebuiFixture.uploads(dir);
        target = Target.create();
    }

    @AfterAll
    static void drop() {
        if (target != null) {
            target.drop();
        }
    }

    private Process start(Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", System.getProperty("importer.jar"), "sqlite", db.toString(),
                "--uploads", uploads.toString());
        pb.environment().put("DATABASE_URL", target.database().url());
        pb.environment().put("UPLOAD_DIR", dir.resolve("suite-uploads").toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    @Test
    void killedPartWayThenRerunFinishesTheImport() throws Exception {
        Process first = start(dir.resolve("first.log"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long chats = 0;
        while (chats < 300 && Instant.now().isBefore(deadline) && first.isAlive()) {
            Thread.sleep(20);
            try {
                chats = (Long) target.row("SELECT count(*) AS n FROM chat").get("n");
            } catch (Exception notYet) {
                chats = 0; // schema not created yet
            }
        }
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        long atKill = (Long) target.row("SELECT count(*) AS n FROM chat").get("n");
        assertTrue(atKill >= 300 && atKill < CHATS + 4, "killed part-way: " + atKill + " chats\n" + Files.readString(dir.resolve("first.log")));
        assertEquals(0, atKill % 100, "a killed batch leaves nothing behind: whole batches of 100 only");

        Process second = start(dir.resolve("second.log"));
        assertTrue(second.waitFor(5, TimeUnit.MINUTES));
        String log = Files.readString(dir.resolve("second.log"), StandardCharsets.UTF_8);
        assertEquals(0, second.exitValue(), log);
        assertTrue(log.contains("Import report"), log);
        assertTrue(log.matches("(?s).*\\nchat\\s+" + (CHATS + 4) + "\\s+" + (CHATS + 4 - atKill) + "\\s+" + atKill + "\\s+0\\n.*"), log);
        assertEquals((long) CHATS + 4, target.row("SELECT count(*) AS n FROM chat").get("n"));
        assertEquals((long) CHATS * 2 + 9, target.row("SELECT count(*) AS n FROM chat_message").get("n"));
        assertEquals(List.of("file-1", "file-3"), target.rows("SELECT id FROM file WHERE path LIKE '%/suite-uploads/%' ORDER BY id")
                .stream().map(r -> r.get("id")).toList());
        assertEquals(OpenWebuiFixture.REPORT_TEXT, Files.readString(dir.resolve("suite-uploads").toRealPath().resolve("file-1")));
    }
}
