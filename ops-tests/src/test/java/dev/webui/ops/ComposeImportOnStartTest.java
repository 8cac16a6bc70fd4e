package dev.webui.ops;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    private HttpServer gateway;
    private ManageScript script;

    @BeforeEach
    void fakeDocker() throws IOException {
        // the step builds the importer when its jar is missing: a test must not start a build
        Assumptions.assumeTrue(Files.isRegularFile(Repo.file("importer/target/importer.jar")), "needs the packaged importer");
        Path bin = Files.createDirectories(work.resolve("bin"));
        calls = work.resolve("docker-calls.log");
        Path states = work.resolve("docker-ps.txt");
        StringBuilder healthy = new StringBuilder();
        for (String c : List.of("postgres", "redis", "api-service", "auth-service", "file-service", "socketio-bridge", "frontend")) {
            healthy.append(c).append(" healthy\n");
        }
        Files.writeString(states, healthy);
        Path docker = bin.resolve("docker");
        Files.writeString(docker, """
                #!/usr/bin/env bash
                echo "$*" >> "$FAKE_DOCKER_CALLS"
                case "$*" in
                  info*|"compose version"*) exit 0 ;;
                  *" run --rm "*) exit "${FAKE_RUN_STATUS:-0}" ;;
                  *"{{.Service}} {{.Health}}"*) cat "$FAKE_DOCKER_PS" ;;
                esac
                exit 0
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        Map<String, String> env = DockerManageScriptTest.withIsolatedState(work);
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("FAKE_DOCKER_CALLS", calls.toString());
        env.put("FAKE_DOCKER_PS", states.toString());
        env.put("WEBUI_PORT", String.valueOf(gateway.getAddress().getPort()));
        env.put("START_TIMEOUT", "4");
        Files.writeString(work.resolve(".env"), "WEBUI_SECRET_KEY=x\nPOSTGRES_PASSWORD=y\nREDIS_PASSWORD=z\n");
        script = new ManageScript(env);
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.stop(0);
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
