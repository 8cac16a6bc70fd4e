package dev.webui.importer.onstart;

import dev.webui.core.db.DatabaseConnection;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.onstart.OnStartImport.Outcome;
import dev.webui.importer.source.UnsupportedSourceException;
import dev.webui.importer.target.BatchWriter;
import dev.webui.importer.target.TargetDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automatic import: once per database under a lock, never into a database in use, resumed after a crash. */
class OnStartImportTest {
    static final int GENERATED_CHATS = 250;

    @TempDir
    static Path dataDir;
    static OnStartSource source;
    static Path uploadDir;
    final List<Target> targets = new ArrayList<>();

    /** Open WebUI's DATA_DIR as hosting guides lay it out: webui.db with uploads/ beside it. */
    @BeforeAll
    static void openWebuiDataDir() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dataDir, Vintage.V0_6_32);
        OpenWebuiFixture.addChats(db, GENERATED_CHATS);
        Files.move(db, dataDir.resolve("webui.db"));
        OpenWebuiFixture.uploads(dataDir);
        source = OnStartSource.find(Map.of("DATA_DIR", dataDir.toString())::get).orElseThrow();
        uploadDir = Files.createDirectories(dataDir.resolve("suite-uploads")).toRealPath();
    }

    @AfterEach
    void drop() {
        targets.forEach(Target::drop);
    }

    private Target target() {
        Target t = Target.create();
        targets.add(t);
        return t;
    }

    private static TargetDatabase database(Target t) {
        return new TargetDatabase(DatabaseConnection.parse(t.database().url()));
    }

    private record Started(Outcome outcome, String out, String progress) {
    }

    private static Started start(Target t, BatchWriter.Listener listener) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Outcome outcome = new OnStartImport(database(t), listener, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(source, uploadDir);
        return new Started(outcome, out.toString(StandardCharsets.UTF_8), progress.toString(StandardCharsets.UTF_8));
    }

    private static long count(Target t, String table) throws Exception {
        return (Long) t.row("SELECT count(*) AS n FROM \"" + table + "\"").get("n");
    }

    @Test
    void findsWebuiDbInDataDirWithItsUploads() {
        assertEquals(dataDir.resolve("webui.db").toAbsolutePath(), source.database());
        assertEquals(dataDir.resolve("uploads"), source.uploads());
        assertEquals(Optional.empty(), OnStartSource.find(Map.of("DATA_DIR", uploadDir.toString())::get), "no webui.db there");
        assertEquals(Optional.empty(), OnStartSource.find(Map.<String, String>of()::get));
    }

    @Test
    void twoInstancesStartingTogetherImportExactlyOnce() throws Exception {
        Target t = target();
        byte[] before = Files.readAllBytes(source.database());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = t.database().connect(); Statement s = holder.createStatement()) {
            // hold the lock so that both starters are certainly waiting on it at the same time
            s.execute("SELECT pg_advisory_lock(" + ImportMarker.LOCK_KEY + ")");
            List<Future<Started>> starters = List.of(pool.submit(() -> start(t, (table, b) -> { })),
                    pool.submit(() -> start(t, (table, b) -> { })));
            awaitWaiters(t, 2);
            s.execute("SELECT pg_advisory_unlock(" + ImportMarker.LOCK_KEY + ")");
            List<Started> done = new ArrayList<>();
            for (Future<Started> f : starters) {
                done.add(f.get(5, TimeUnit.MINUTES));
            }
            assertEquals(List.of(Outcome.IMPORTED, Outcome.ALREADY_IMPORTED), done.stream().map(Started::outcome).sorted().toList());
            for (Started started : done) {
                assertTrue(started.progress().contains("another instance is importing; waiting"), started.progress());
            }
            Started imported = done.stream().filter(d -> d.outcome() == Outcome.IMPORTED).findFirst().orElseThrow();
            Started skipped = done.stream().filter(d -> d.outcome() == Outcome.ALREADY_IMPORTED).findFirst().orElseThrow();
            assertTrue(imported.out().contains("Import report") && imported.progress().contains("chat "), imported.out());
            assertTrue(skipped.progress().contains("already done"), skipped.progress());
            assertEquals("", skipped.out(), "nothing imported, no report");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(GENERATED_CHATS + 4L, count(t, "chat"));
        Map<String, Object> run = t.row("SELECT * FROM import_run");
        assertEquals(source.database().toString(), run.get("source"));
        assertNotNull(run.get("finished_at"));
        assertTrue(((String) run.get("report")).contains("Import report"));
        assertEquals(OpenWebuiFixture.REPORT_TEXT, Files.readString(uploadDir.resolve("file-1")), "uploads beside webui.db were copied");
        assertArrayEquals(before, Files.readAllBytes(source.database()), "webui.db is never modified");

        Started later = start(t, (table, b) -> { });
        assertEquals(Outcome.ALREADY_IMPORTED, later.outcome(), "later starts skip it");
        assertEquals(GENERATED_CHATS + 4L, count(t, "chat"));
    }

    private static void awaitWaiters(Target t, long waiters) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String sql = "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        while ((Long) t.row(sql).get("n") < waiters) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the starters never waited on the import lock");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aDatabaseWithUsersIsNeverImportedInto() throws Exception {
        Target t = target();
        database(t).migrate();
        try (Connection c = t.database().connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) "
                    + "VALUES ('existing', 'Existing', 'existing@example.com', 'admin', 1, 1, 1)");
        }
        Started started = start(t, (table, b) -> { });
        assertEquals(Outcome.NOT_EMPTY, started.outcome());
        assertTrue(started.progress().contains("skipped, the database is not empty (it has users)")
                && started.progress().contains("./docker-manage.sh import-sqlite " + source.database()), started.progress());
        assertEquals(1L, count(t, "user"));
        assertEquals(0L, count(t, "chat"));
        assertEquals(0L, count(t, "import_run"), "not recorded: nothing was imported");
    }

    @Test
    void anImportThatStoppedPartWayIsResumedByTheNextStart() throws Exception {
        Target t = target();
        RuntimeException crash = assertThrows(RuntimeException.class, () -> start(t, (table, batches) -> {
            if (table.equals("chat") && batches == 1) {
                throw new RuntimeException("simulated crash");
            }
        }));
        assertEquals("simulated crash", crash.getMessage());
        assertEquals(100L, count(t, "chat"), "one committed batch");
        assertNull(t.row("SELECT finished_at FROM import_run").get("finished_at"), "recorded as unfinished");

        Started resumed = start(t, (table, b) -> { });
        assertEquals(Outcome.IMPORTED, resumed.outcome(), "users exist now, but an unfinished run is resumed, not skipped");
        assertTrue(resumed.progress().contains("resuming the import started at"), resumed.progress());
        assertEquals(GENERATED_CHATS + 4L, count(t, "chat"));
        assertNotNull(t.row("SELECT finished_at FROM import_run").get("finished_at"));
    }

    @Test
    void aRefusedSourceLeavesNoRecordSoTheNextStartTriesAgain() throws Exception {
        Target t = target();
        Path foreign = dataDir.resolve("foreign");
        Files.createDirectories(foreign);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign.resolve("webui.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id integer primary key)");
        }
        OnStartSource notOpenWebui = OnStartSource.find(Map.of("DATA_DIR", foreign.toString())::get).orElseThrow();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        assertThrows(UnsupportedSourceException.class, () -> new OnStartImport(database(t), (table, b) -> { }, System.out,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(notOpenWebui, uploadDir));
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("refused, nothing was imported"), progress.toString());
        assertEquals(0L, count(t, "import_run"));
        assertEquals(0L, count(t, "user"));
    }
}
