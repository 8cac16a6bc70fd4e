package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `./docker-manage.sh import-sqlite` in local mode runs the packaged importer against the suite's database. */
class DockerManageImportIT {
    private static final Path SCRIPT = Path.of("..", "docker-manage.sh").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    static Target target;

    @BeforeAll
    static void setUp() {
        Assumptions.assumeTrue(System.getProperty("importer.jar") != null,
                "needs the packaged jar: runs under failsafe (mvn verify)");
        target = Target.create();
    }

    @AfterAll
    static void drop() {
        if (target != null) {
            target.drop();
        }
    }

    private record Run(int exit, String output) {
    }

    private Run manage(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Path log = Files.createTempFile(dir, "manage", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DATABASE_URL", target.database().url());
        pb.environment().put("UPLOAD_DIR", dir.resolve("suite-uploads").toString());
        pb.environment().put("WEBUI_ENV_FILE", dir.resolve("no.env").toString());
        Process process = pb.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "docker-manage.sh finishes");
        return new Run(process.exitValue(), Files.readString(log));
    }

    @Test
    void importsThroughTheScriptThenDryRunsAndRefusesForeignFiles() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        Path uploads = OpenWebuiFixture.uploads(dir);

        Run dry = manage("import-sqlite", db.toString(), "--uploads", uploads.toString(), "--dry-run", "--local");
        assertEquals(0, dry.exit(), dry.output());
        boolean schemaExists = target.row("SELECT to_regclass('public.chat') IS NOT NULL AS b").get("b").equals(true);
        if (schemaExists) {
            assertEquals(0L, target.row("SELECT count(*) AS n FROM chat").get("n"), "a dry run writes nothing");
        }

        Run run = manage("import-sqlite", db.toString(), "--uploads", uploads.toString(), "--local");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Import report"), run.output());
        assertTrue((Long) target.row("SELECT count(*) AS n FROM chat").get("n") > 0);
        assertEquals(OpenWebuiFixture.HASH, target.row("SELECT password FROM auth WHERE id = ?", "u-admin").get("password"));
        assertEquals(OpenWebuiFixture.REPORT_TEXT, Files.readString(dir.resolve("suite-uploads").toRealPath().resolve("file-1")));

        Path foreign = Files.writeString(dir.resolve("notes.db"), "not a database");
        Run refused = manage("import-sqlite", foreign.toString(), "--local");
        assertTrue(refused.exit() != 0, refused.output());

        Run missing = manage("import-sqlite", dir.resolve("nope.db").toString(), "--local");
        assertEquals(2, missing.exit(), missing.output());
        assertTrue(missing.output().contains("no such file"), missing.output());
    }
}
