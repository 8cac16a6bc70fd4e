package dev.webui.ops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The script's commands, help and exit codes, where no suite needs to run. */
class DockerManageScriptTest {
    static final List<String> COMMANDS = List.of("setup", "build", "start", "stop", "restart", "status", "health", "logs",
            "backup", "restore", "shell", "psql", "redis-cli", "scale", "migrate", "import-sqlite", "import-postgres", "version");
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path work;
    private ManageScript script;

    @BeforeEach
    void isolate() {
        script = new ManageScript(withIsolatedState(work));
    }

    static Map<String, String> withIsolatedState(Path work) {
        Map<String, String> env = ManageScript.cleanEnvironment();
        env.put("WEBUI_ENV_FILE", work.resolve(".env").toString());
        env.put("WEBUI_RUN_DIR", work.resolve("run").toString());
        env.put("WEBUI_BACKUP_DIR", work.resolve("backups").toString());
        env.put("DATA_DIR", work.resolve("data").toString());
        return env;
    }

    @Test
    void everyCommandHasHelp() {
        ManageScript.Result overview = script.run(QUICK, "help");
        assertEquals(0, overview.exit(), overview.toString());
        for (String command : COMMANDS) {
            assertTrue(overview.out().contains("  " + command), "overview lists " + command);
            ManageScript.Result help = script.run(QUICK, "help", command);
            assertEquals(0, help.exit(), help.toString());
            assertTrue(help.out().startsWith(command), command + ": " + help.out());
        }
        assertFalse(overview.out().contains("\u001b["), "no colours when the output is not a terminal");
    }

    @Test
    void mistakesExitWithTheUsageCode() {
        ManageScript.Result unknown = script.run(QUICK, "frobnicate");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"));
        assertEquals(2, script.run(QUICK, "restore").exit(), "restore needs an archive");
        assertEquals(2, script.run(QUICK, "scale", "api-service").exit(), "scale needs a count");
        ManageScript.Result badService = script.run(QUICK, "scale", "mail-service", "2", "--local");
        assertEquals(2, badService.exit(), badService.toString());
        assertTrue(badService.err().contains("api-service auth-service file-service socketio-bridge"), badService.err());
        assertEquals(2, script.run(QUICK, "scale", "api-service", "0", "--local").exit(), "zero replicas is refused");
    }

    @Test
    void importChecksItsArgumentsBeforeRunningTheImporter() {
        ManageScript.Result none = script.run(QUICK, "import-sqlite", "--local");
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().contains("name the source"), none.err());
        ManageScript.Result missing = script.run(QUICK, "import-sqlite", "/nonexistent/webui.db", "--local");
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("no such file"), missing.err());
        ManageScript.Result badOption = script.run(QUICK, "import-postgres", "postgresql://x@h/d", "--uploads", "/tmp", "--local");
        assertEquals(2, badOption.exit(), badOption.toString());
    }

    @Test
    void buildingImagesWithoutADockerEngineSaysWhatToDoInstead() {
        // an engine address where none answers, whatever runs on this machine (Docker, Podman's socket)
        ManageScript.Result result = script.run(Map.of("DOCKER_HOST", "unix://" + work.resolve("no-engine.sock")), QUICK, "build");
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.err().contains("Docker engine") && result.err().contains("start --local"), result.err());
    }

    @Test
    void restoreRefusesSomethingThatIsNotABackup() throws Exception {
        Path bogus = work.resolve("bogus.tar.gz");
        Files.writeString(bogus, "not an archive");
        ManageScript.Result result = script.run(QUICK, "restore", bogus.toString(), "--local");
        assertEquals(5, result.exit(), result.toString());
    }

    @Test
    void startInLocalModeNamesAnUnreachableDatabase() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(work.resolve(".env"), "WEBUI_SECRET_KEY=x\n");
        // the database is checked after the tools: a stand-in nginx lets a machine without one (CI's) reach that check
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path nginx = Files.writeString(bin.resolve("nginx"), "#!/bin/sh\nexit 0\n");
        nginx.toFile().setExecutable(true);
        ManageScript.Result result = script.run(Map.of("DATABASE_URL", "postgresql://someone:secret@127.0.0.1:" + closedPort + "/webui",
                "PATH", bin + ":" + System.getenv("PATH")), QUICK, "start", "--local");
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.err().contains("PostgreSQL does not answer at postgresql://someone:***@127.0.0.1:" + closedPort), result.err());
        assertFalse(result.all().contains("secret"), "the password is not printed");
    }

    @Test
    void statusAndStopWithNothingRunningAreHarmless() {
        ManageScript.Result stop = script.run(QUICK, "stop", "--local");
        assertEquals(0, stop.exit(), stop.toString());
        ManageScript.Result status = script.run(QUICK, "status", "--local");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().contains("stopped"), status.out());
    }
}
