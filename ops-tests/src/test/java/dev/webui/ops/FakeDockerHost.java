package dev.webui.ops;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A stand-in Docker host for compose-mode tests (these machines have no Docker engine): a
 * `docker` on PATH that logs its arguments to {@link #calls}, answers `compose ps` from
 * {@link #states} (lines "service health") and fails `compose run` with FAKE_RUN_STATUS; and a
 * gateway answering /health on WEBUI_PORT.
 */
final class FakeDockerHost implements AutoCloseable {
    final Path calls;
    final Path states;
    private final HttpServer gateway;
    private final Map<String, String> env;

    FakeDockerHost(Path work) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        calls = work.resolve("docker-calls.log");
        states = work.resolve("docker-ps.txt");
        Path docker = bin.resolve("docker");
        Files.writeString(docker, """
                #!/usr/bin/env bash
                echo "$*" >> "$FAKE_DOCKER_CALLS"
                case "$*" in
                  info*|"compose version"*) exit 0 ;;
                  *" run --rm "*) exit "${FAKE_RUN_STATUS:-0}" ;;
                  *"{{.Service}} {{.Health}}"*) cat "$FAKE_DOCKER_PS" ;;
                  *"{{.Health}}"*) grep "^${@: -1} " "$FAKE_DOCKER_PS" | cut -d' ' -f2 ;;
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
        env = DockerManageScriptTest.withIsolatedState(work);
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("FAKE_DOCKER_CALLS", calls.toString());
        env.put("FAKE_DOCKER_PS", states.toString());
        env.put("WEBUI_PORT", String.valueOf(gateway.getAddress().getPort()));
        env.put("START_TIMEOUT", "4");
        Files.writeString(work.resolve(".env"), "WEBUI_SECRET_KEY=x\nPOSTGRES_PASSWORD=y\nREDIS_PASSWORD=z\n");
    }

    /** docker-manage.sh run against this host. */
    ManageScript script() {
        return new ManageScript(env);
    }

    @Override
    public void close() {
        gateway.stop(0);
    }
}
