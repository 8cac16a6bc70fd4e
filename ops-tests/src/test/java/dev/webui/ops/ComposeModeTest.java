package dev.webui.ops;

import org.junit.jupiter.api.AfterEach;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-manage.sh in compose mode, against a stand-in `docker` on PATH (these machines have no
 * Docker engine): which compose commands it runs, how it waits for health, what it reports.
 * The stand-in logs its arguments and answers `compose ps` from a file the test writes.
 */
class ComposeModeTest {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final List<String> CONTAINERS = List.of("postgres", "redis", "api-service", "auth-service", "file-service",
            "socketio-bridge", "frontend");

    @TempDir
    Path work;
    private Path calls;
    private Path states;
    private FakeDockerHost docker;
    private ManageScript script;

    @BeforeEach
    void fakeDocker() throws IOException {
        docker = new FakeDockerHost(work);
        calls = docker.calls;
        states = docker.states;
        script = docker.script();
    }

    @AfterEach
    void stopGateway() {
        docker.close();
    }

    @Test
    void startBringsTheProjectUpAndWaitsForEveryContainerToBeHealthy() throws IOException {
        writeStates("healthy");
        ManageScript.Result start = script.run(QUICK, "start");
        assertEquals(0, start.exit(), start.toString());
        String log = Files.readString(calls);
        assertTrue(log.contains("compose --env-file " + work.resolve(".env") + " --project-directory " + Repo.root()
                + " -p open-webui-java -f " + Repo.file("docker-compose.yaml") + " up -d --remove-orphans"), log);
        // ps -q and docker inspect: Compose v1 has no ps --format
        assertTrue(log.contains("ps -q postgres redis api-service auth-service file-service socketio-bridge frontend"), log);
        assertTrue(log.contains("inspect --format {{index .Config.Labels \"com.docker.compose.service\"}}"), log);
    }

    @Test
    void thePluginIsPreferredAndWithoutItTheStandaloneComposeV1RunsTheSameCommands() throws IOException {
        writeStates("healthy");
        ManageScript.Result v2 = script.run(QUICK, "start");
        assertEquals(0, v2.exit(), v2.toString());
        assertTrue(v2.out().contains("Compose: docker compose 2.29.0 (Compose v2) with Fake Engine 1.0"), v2.out());

        Files.writeString(calls, "");
        ManageScript.Result v1 = script.run(Map.of("FAKE_COMPOSE_V1", "1"), QUICK, "start");
        assertEquals(0, v1.exit(), v1.toString());
        assertTrue(v1.out().contains("Compose: docker-compose 1.29.2 (Compose v1) with Fake Engine 1.0"), v1.out());
        String log = Files.readString(calls);
        assertTrue(log.contains("v1 --env-file " + work.resolve(".env") + " --project-directory " + Repo.root()
                + " -p open-webui-java -f " + Repo.file("docker-compose.yaml") + " up -d --remove-orphans"), log);
    }

    @Test
    void theReplicaVariablesBecomeComposeScales() throws IOException {
        writeStates("healthy");
        ManageScript.Result start = script.run(Map.of("API_REPLICAS", "3", "BRIDGE_REPLICAS", "2"), QUICK, "start");
        assertEquals(0, start.exit(), start.toString());
        assertTrue(Files.readString(calls).contains(" up -d --remove-orphans --scale api-service=3 --scale socketio-bridge=2"), Files.readString(calls));
        ManageScript.Result bad = script.run(Map.of("API_REPLICAS", "many"), QUICK, "start");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("API_REPLICAS must be a number"), bad.err());
    }

    @Test
    void startFailsNamingTheContainerThatStaysUnhealthy() throws IOException {
        writeStates("healthy");
        Files.writeString(states, Files.readString(states).replace("auth-service healthy", "auth-service unhealthy"));
        ManageScript.Result start = script.run(QUICK, "start");
        assertEquals(1, start.exit(), start.toString());
        assertTrue(start.err().contains("not healthy after 4s: auth-service"), start.err());
        assertTrue(Files.readString(calls).contains("logs --tail 30 auth-service"), "its logs are shown");
    }

    @Test
    void healthReportsEachContainerAndTheGateway() throws IOException {
        writeStates("healthy");
        ManageScript.Result green = script.run(QUICK, "health");
        assertEquals(0, green.exit(), green.toString());
        assertEquals(8, green.out().lines().filter(line -> line.startsWith("  ok ")).count(), green.out());

        Files.writeString(states, Files.readString(states).replace("redis healthy", "redis starting"));
        ManageScript.Result red = script.run(QUICK, "health");
        assertEquals(4, red.exit(), red.toString());
        assertTrue(red.out().contains("DOWN  redis"), red.out());
    }

    @Test
    void publishedPortsAndScalingUseTheRightFiles() throws IOException {
        writeStates("healthy");
        ManageScript.Result scale = script.run(Map.of("COMPOSE_PUBLISH_PORTS", "true"), QUICK, "scale", "api-service", "3");
        assertEquals(0, scale.exit(), scale.toString());
        String log = Files.readString(calls);
        assertTrue(log.contains("-f " + Repo.file("deploy/compose/ports.yaml") + " up -d --no-recreate --scale api-service=3 api-service"), log);
        assertTrue(log.contains(" kill -s SIGHUP frontend"), "the gateway re-reads its upstreams: " + log);
        ManageScript.Result start = script.run(QUICK, "start");
        assertEquals(0, start.exit(), start.toString());
        assertTrue(Files.readString(calls).contains(" up -d --remove-orphans --scale api-service=3"), "start keeps the scaled count: " + Files.readString(calls));
        ManageScript.Result migrate = script.run(QUICK, "migrate");
        assertEquals(0, migrate.exit(), migrate.toString());
        assertTrue(Files.readString(calls).contains("run --rm --no-deps -e WEBUI_MIGRATE_ONLY=true -e QUARKUS_HTTP_PORT=0 api-service"));
    }

    private void writeStates(String health) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String container : CONTAINERS) {
            lines.append(container).append(' ').append(health).append('\n');
        }
        Files.writeString(states, lines.toString());
    }
}
