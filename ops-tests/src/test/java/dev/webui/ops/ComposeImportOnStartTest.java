package dev.webui.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `start` in compose mode with IMPORT_SQLITE_ON_START: the automatic import runs in a file-service
 * container before `up`, and a failed import keeps the services down. Against a stand-in `docker`
 * (no Docker engine here) that logs its arguments and fails `compose run` with FAKE_RUN_STATUS.
 */
class ComposeImportOnStartTest {
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path work;
    private Path calls;
    private FakeDockerHost docker;
    private ManageScript script;

    @BeforeEach
    void fakeDocker() throws IOException {
        // the step builds the importer when its jar is missing: a test must not start a build
        Assumptions.assumeTrue(Files.isRegularFile(Repo.file("importer/target/importer.jar")), "needs the packaged importer");
        docker = new FakeDockerHost(work);
        calls = docker.calls;
        StringBuilder healthy = new StringBuilder();
        for (String c : List.of("postgres", "redis", "api-service", "auth-service", "file-service", "socketio-bridge", "frontend")) {
            healthy.append(c).append(" healthy\n");
        }
        Files.writeString(docker.states, healthy);
        script = docker.script();
    }

    @AfterEach
    void stopGateway() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void aWebuiDbOnTheHostIsMountedAndImportedBeforeTheServicesStart() throws IOException {
        Path old = Files.createDirectories(work.resolve("old-openwebui"));
        Path db = Files.writeString(old.resolve("webui.db"), "stand-in");
        Files.createDirectories(old.resolve("uploads"));

        ManageScript.Result start = script.run(Map.of("IMPORT_SQLITE_ON_START", db.toString()), QUICK, "start", "--compose");
        assertEquals(0, start.exit(), start.toString());
        List<String> log = Files.readAllLines(calls);
        int run = indexOf(log, " run --rm ");
        int up = indexOf(log, " up -d --remove-orphans");
        assertTrue(run >= 0 && up > run, "the import runs before up: " + log);
        String importCall = log.get(run);
        for (String part : List.of("-v " + Repo.file("importer/target/importer.jar") + ":/importer.jar:ro",
                "-v " + db.toRealPath() + ":/import/webui.db:ro", "-v " + old.resolve("uploads").toRealPath() + ":/import/uploads:ro",
                "-e IMPORT_SQLITE_ON_START=/import/webui.db", "-e IMPORT_UPLOADS_ON_START=/import/uploads",
                "--entrypoint java file-service -jar /importer.jar on-start")) {
            assertTrue(importCall.contains(part), part + " in " + importCall);
        }
    }

    @Test
    void aPathInsideTheDataVolumeIsPassedAsItIs() throws IOException {
        ManageScript.Result start = script.run(Map.of("IMPORT_SQLITE_ON_START", "/app/backend/data/webui.db"), QUICK, "start", "--compose");
        assertEquals(0, start.exit(), start.toString());
        String importCall = Files.readAllLines(calls).get(indexOf(Files.readAllLines(calls), " run --rm "));
        assertTrue(importCall.contains("-e IMPORT_SQLITE_ON_START=/app/backend/data/webui.db") && !importCall.contains("/import/webui.db"),
                importCall);
    }

    @Test
    void anImportThatStopsPartWayKeepsTheServicesDown() throws IOException {
        ManageScript.Result start = script.run(Map.of("IMPORT_SQLITE_ON_START", "/app/backend/data/webui.db", "FAKE_RUN_STATUS", "3"),
                QUICK, "start", "--compose");
        assertEquals(3, start.exit(), start.toString());
        assertTrue(start.err().contains("the automatic import stopped part-way") && start.err().contains("start again to resume it"),
                start.err());
        assertEquals(-1, indexOf(Files.readAllLines(calls), " up -d"), "compose up never ran");
    }

    @Test
    void withoutTheVariableNothingIsImported() throws IOException {
        ManageScript.Result start = script.run(QUICK, "start", "--compose");
        assertEquals(0, start.exit(), start.toString());
        assertFalse(Files.readString(calls).contains(" run --rm "), "no import container");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
