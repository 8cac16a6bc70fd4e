package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step `./docker-manage.sh start` runs in local mode before the services (import_on_start_local
 * in deploy/manage/import.sh), run on its own: the rest of `start` needs nginx and the services.
 */
class DockerManageOnStartIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    Target target;

    @BeforeEach
    void create() {
        Assumptions.assumeTrue(System.getProperty("importer.jar") != null, "needs the packaged jar: runs under failsafe (mvn verify)");
        target = Target.create();
    }

    @AfterEach
    void drop() {
        if (target != null) {
            target.drop();
        }
    }

    private record Run(int exit, String output) {
    }

    private Run startStep(Map<String, String> extra) throws Exception {
        String script = "set -euo pipefail; ROOT=" + ROOT + "; for part in common local import; do source \"$ROOT/deploy/manage/$part.sh\"; done; "
                + "import_on_start_local; echo STEP-DONE";
        Path log = Files.createTempFile(dir, "start", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("IMPORT_") || k.equals("DATA_DIR") || k.equals("UPLOAD_DIR"));
        pb.environment().put("DATABASE_URL", target.database().url());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(extra);
        Process process = pb.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the step finishes");
        return new Run(process.exitValue(), Files.readString(log));
    }

    @Test
    void importsDataDirWebuiDbOnceAndNamesAMissingExplicitFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Map<String, String> env = Map.of("DATA_DIR", data.toString());

        Run nothing = startStep(env);
        assertEquals(0, nothing.exit(), nothing.output());
        assertTrue(nothing.output().contains("STEP-DONE") && !nothing.output().contains("importing"), "no webui.db, no import: " + nothing.output());

        Files.move(OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32), data.resolve("webui.db"));
        OpenWebuiFixture.uploads(data);
        Run first = startStep(env);
        assertEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("importing it before the services start") && first.output().contains("Import report"), first.output());
        assertEquals(4L, target.row("SELECT count(*) AS n FROM chat").get("n"));
        assertEquals(OpenWebuiFixture.REPORT_TEXT, Files.readString(data.resolve("uploads/file-1")),
                "copied into the suite's UPLOAD_DIR, which defaults to DATA_DIR/uploads");
        assertTrue(Files.exists(data.resolve("uploads/file-1_report.txt")), "Open WebUI's own file stays");

        Run second = startStep(env);
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.output().contains("already done") && !second.output().contains("Import report"), second.output());

        Run missing = startStep(Map.of("DATA_DIR", data.toString(), "IMPORT_SQLITE_ON_START", dir.resolve("nope.db").toString()));
        assertEquals(2, missing.exit(), missing.output());
        assertTrue(missing.output().contains("IMPORT_SQLITE_ON_START=" + dir.resolve("nope.db") + ": no such file"), missing.output());
        assertFalse(missing.output().contains("STEP-DONE"), "the start stops");
    }

    @Test
    void aRefusedSourceStopsTheStartWithWhatToDo() throws Exception {
        Path foreign = dir.resolve("webui.db");
        Files.writeString(foreign, "not a database at all");
        Run refused = startStep(Map.of("IMPORT_SQLITE_ON_START", foreign.toString(), "UPLOAD_DIR", dir.resolve("up").toString()));
        assertFalse(refused.output().contains("STEP-DONE"), "the services are not started: " + refused.output());
        assertEquals(1, refused.exit(), "the importer's configuration error: " + refused.output());
        assertTrue(refused.output().contains("cannot read " + foreign) && refused.output().contains("the automatic import could not run"),
                refused.output());
    }
}
