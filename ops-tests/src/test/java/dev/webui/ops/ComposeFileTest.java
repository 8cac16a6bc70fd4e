package dev.webui.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.webui.ops.YamlDocs.at;
import static dev.webui.ops.YamlDocs.list;
import static dev.webui.ops.YamlDocs.map;
import static dev.webui.ops.YamlDocs.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yaml, docker-compose.dev.yaml and deploy/compose/ports.yaml against the agreed layout. */
class ComposeFileTest {
    private final Map<String, Object> compose = YamlDocs.read(Repo.file("docker-compose.yaml"));
    private final Map<String, Object> services = map(compose, "services");

    @Test
    void runsTheSuiteAndItsInfrastructure() {
        assertEquals(new TreeSet<>(List.of("postgres", "redis", "api-service", "auth-service", "file-service",
                "socketio-bridge", "frontend", "file-data-init")), new TreeSet<>(services.keySet()));
        assertTrue(string(services, "postgres", "image").startsWith("postgres:16"));
        assertTrue(string(services, "redis", "image").startsWith("redis:7"));
        for (String name : services.keySet()) {
            assertEquals(List.of("webui"), list(services, name, "networks"), name + " is on the suite's network");
            assertFalse(map(services, name).containsKey("container_name"), name + ": a fixed container name prevents --scale");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedSoThatServicesScale() {
        assertEquals(List.of("${WEBUI_PORT:-3000}:8080"), list(services, "frontend", "ports"));
        assertEquals(Layout.GATEWAY_HOST_PORT + ":" + Layout.GATEWAY_CONTAINER_PORT,
                ComposeInterpolation.apply(string(services, "frontend", "ports", 0), Map.of()));
        for (String name : services.keySet()) {
            if (!name.equals("frontend")) {
                assertFalse(map(services, name).containsKey("ports"), name + " publishes no host port");
            }
        }
    }

    @Test
    void everyServiceKeepsItsPortAndIsReadyOnlyWhenItsReadinessSaysSo() {
        for (String name : Layout.SERVICES) {
            int port = Layout.HTTP_PORT.get(name);
            assertTrue(list(services, name, "expose").contains(String.valueOf(port)), name + " exposes " + port);
            String check = String.join(" ", list(services, name, "healthcheck", "test").stream().map(String::valueOf).toList());
            assertTrue(check.contains("http://127.0.0.1:" + port + "/q/health/ready"), name + " healthcheck: " + check);
            assertEquals("unless-stopped", string(services, name, "restart"));
        }
        assertTrue(list(services, "socketio-bridge", "expose").contains(String.valueOf(Layout.BRIDGE_SOCKET_PORT)));
        assertTrue(String.valueOf(at(services, "postgres", "healthcheck", "test")).contains("pg_isready"));
        assertTrue(String.valueOf(at(services, "redis", "healthcheck", "test")).contains("ping"));
        assertTrue(String.valueOf(at(services, "frontend", "healthcheck", "test")).contains("/gateway/health"));
    }

    @Test
    void servicesWaitForHealthyDependencies() {
        for (String name : Layout.SERVICES) {
            assertEquals("service_healthy", string(services, name, "depends_on", "postgres", "condition"), name);
            assertEquals("service_healthy", string(services, name, "depends_on", "redis", "condition"), name);
            assertEquals("service_healthy", string(services, "frontend", "depends_on", name, "condition"), "frontend waits for " + name);
        }
        assertEquals("service_completed_successfully", string(services, "file-service", "depends_on", "file-data-init", "condition"));
    }

    @Test
    void dataLivesInNamedVolumes() {
        assertEquals(Set.of("postgres-data", "redis-data", "webui-data"), map(compose, "volumes").keySet());
        assertEquals(List.of("postgres-data:/var/lib/postgresql/data"), list(services, "postgres", "volumes"));
        assertEquals(List.of("redis-data:/data"), list(services, "redis", "volumes"));
        assertEquals(List.of("webui-data:/app/backend/data"), list(services, "file-service", "volumes"));
        assertEquals("/app/backend/data/uploads", string(services, "file-service", "environment", "UPLOAD_DIR"));
        List<Object> redis = list(services, "redis", "command");
        assertEquals("yes", redis.get(redis.indexOf("--appendonly") + 1), "redis persists with appendonly");
    }

    @Test
    void aFreshEnvFileYieldsAWorkingConfiguration() {
        Map<String, String> env = new HashMap<>(EnvFile.read(Repo.file("env.example")));
        env.put("WEBUI_SECRET_KEY", "k".repeat(64));
        env.put("POSTGRES_PASSWORD", "pgpass");
        env.put("REDIS_PASSWORD", "redispass");
        for (String name : Layout.SERVICES) {
            Map<String, Object> environment = map(services, name, "environment");
            assertEquals("k".repeat(64), value(environment, "WEBUI_SECRET_KEY", env), name);
            assertEquals("", value(environment, "DATABASE_URL", env), name + ": the split form below applies");
            assertEquals(List.of("postgresql", "postgres", "5432", "webui", "pgpass", "webui"),
                    List.of(value(environment, "DATABASE_TYPE", env), value(environment, "DATABASE_HOST", env), value(environment, "DATABASE_PORT", env),
                            value(environment, "DATABASE_USER", env), value(environment, "DATABASE_PASSWORD", env), value(environment, "DATABASE_NAME", env)), name);
            assertEquals("redis://redis:6379/0", value(environment, "REDIS_URL", env), name);
            assertEquals("redispass", value(environment, "QUARKUS_REDIS_PASSWORD", env), name);
            env.put("DATABASE_URL", "postgresql://u:p@db.example.com:5432/w");
            assertEquals("postgresql://u:p@db.example.com:5432/w", value(environment, "DATABASE_URL", env), name + ": an external database wins");
            env.remove("DATABASE_URL");
        }
        assertEquals("redispass", ComposeInterpolation.apply(string(services, "redis", "command", 4), env));
        assertEquals("pgpass", value(map(services, "postgres", "environment"), "POSTGRES_PASSWORD", env));
    }

    @Test
    void noDefaultNestsAnotherVariableBecauseComposeV1CannotReadThat() throws IOException {
        Matcher nested = Pattern.compile("\\$\\{[A-Za-z0-9_]+:?[-?][^}]*\\$\\{").matcher(Files.readString(Repo.file("docker-compose.yaml")));
        assertFalse(nested.find(), () -> "Compose v1 reads ${A:-${B}} wrongly: " + nested.group());
    }

    @Test
    void secretsHaveNoDefaultsAndSayHowToGetThem() {
        Map<String, String> env = new HashMap<>(EnvFile.read(Repo.file("env.example")));
        Map<String, Object> environment = map(services, "api-service", "environment");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> value(environment, "WEBUI_SECRET_KEY", env));
        assertTrue(missing.getMessage().contains("docker-manage.sh setup"), missing.getMessage());
        for (String secret : List.of("WEBUI_SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD")) {
            assertEquals("", env.get(secret), secret + " is left empty in env.example for setup to generate");
        }
    }

    @Test
    void theGatewayReachesEveryReplicaThroughDockerDns() {
        Map<String, Object> environment = map(services, "frontend", "environment");
        assertEquals("auto", string(environment, "GATEWAY_RESOLVER"), "the container's own DNS server: Docker's and Podman's differ");
        assertEquals("api-service:8080", string(environment, "API_UPSTREAM"));
        assertEquals("auth-service:8082", string(environment, "AUTH_UPSTREAM"));
        assertEquals("file-service:8083", string(environment, "FILES_UPSTREAM"));
        assertEquals("socketio-bridge:8081", string(environment, "SOCKET_UPSTREAM"));
        assertEquals(String.valueOf(Layout.GATEWAY_CONTAINER_PORT), string(environment, "GATEWAY_PORT"));
    }

    @Test
    void thePortsFilePublishesTheWholeLayoutOnLoopbackOnly() {
        Map<String, Object> ports = map(YamlDocs.read(Repo.file("deploy/compose/ports.yaml")), "services");
        Map<String, List<String>> expected = Map.of(
                "postgres", List.of("127.0.0.1:5432:5432"), "redis", List.of("127.0.0.1:6379:6379"),
                "api-service", List.of("127.0.0.1:8080:8080"), "socketio-bridge", List.of("127.0.0.1:8081:8081", "127.0.0.1:9081:9081"),
                "auth-service", List.of("127.0.0.1:8082:8082"), "file-service", List.of("127.0.0.1:8083:8083"));
        assertEquals(expected.keySet(), ports.keySet());
        expected.forEach((name, published) -> assertEquals(published, list(ports, name, "ports"), name));
    }

    @Test
    void theDevFileRunsOnlyTheInfrastructureOnLoopback() {
        Map<String, Object> dev = map(YamlDocs.read(Repo.file("docker-compose.dev.yaml")), "services");
        assertEquals(Set.of("postgres", "redis"), dev.keySet());
        assertEquals("127.0.0.1:5432:5432", ComposeInterpolation.apply(string(dev, "postgres", "ports", 0), Map.of()));
        assertEquals("127.0.0.1:6379:6379", ComposeInterpolation.apply(string(dev, "redis", "ports", 0), Map.of()));
        assertTrue(String.valueOf(at(dev, "postgres", "healthcheck", "test")).contains("pg_isready"));
        assertTrue(String.valueOf(at(dev, "redis", "healthcheck", "test")).contains("ping"));
    }

    private static String value(Map<String, Object> environment, String name, Map<String, String> env) {
        return ComposeInterpolation.apply(string(environment, name), env);
    }
}
