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
 * `docker` on PATH that logs its arguments to {@link #calls}, answers `compose ps -q` (a container
 * "ctr-service" per line of {@link #states}, lines "service health") and `docker inspect` from that file and fails `compose run` with FAKE_RUN_STATUS;
 * with FAKE_COMPOSE_V1 set it has no compose plugin and a `docker-compose` (v1) beside it does the
 * work; and a gateway answering /health on WEBUI_PORT.
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
                all="$*"
                case "$all" in
                  info*) exit 0 ;;
                  "compose version"*) if [[ -n ${FAKE_COMPOSE_V1:-} ]]; then exit 1; fi; echo "2.29.0"; exit 0 ;;
                  "version --format"*) echo "Fake Engine 1.0"; exit 0 ;;
                  *" run --rm "*) exit "${FAKE_RUN_STATUS:-0}" ;;
                  *" ps -q"*)
                    wanted=" ${all#* ps -q} "
                    while read -r service health; do
                      if [[ $wanted == "  " || $wanted == *" $service "* ]]; then echo "ctr-$service"; fi
                    done < "$FAKE_DOCKER_PS" ;;
                  "inspect "*)
                    for id in "$@"; do
                      if [[ $id == ctr-* ]]; then grep "^${id#ctr-} " "$FAKE_DOCKER_PS"; fi
                    done ;;
                esac
                exit 0
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        // Compose v1, the standalone program: answers like the plugin, logged as "v1 ..."
        Path composeV1 = bin.resolve("docker-compose");
        Files.writeString(composeV1, """
                #!/usr/bin/env bash
                if [[ $1 == version ]]; then echo "1.29.2"; exit 0; fi
                echo "v1 $*" >> "$FAKE_DOCKER_CALLS"
                exec docker compose "$@"
                """);
        Files.setPosixFilePermissions(composeV1, PosixFilePermissions.fromString("rwxr-xr-x"));
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
