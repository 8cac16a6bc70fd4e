package dev.webui.common.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) started the way an operator starts it:
 * with DATABASE_URL, REDIS_URL and WEBUI_SECRET_KEY it becomes ready and reports its start-up time;
 * with a missing secret or a malformed URL it refuses to start with one line saying what to fix.
 */
public abstract class PackagedServiceContract {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsAndBecomesReady() throws Exception {
        TestDatabase db = TestDatabase.create();
        int port = TestRedis.freePort();
        Map<String, String> env = baseEnv(port);
        env.put("DATABASE_URL", db.url());
        env.put("REDIS_URL", TestRedis.SHARED_URL);
        env.put("REDIS_KEY_PREFIX", "test-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("WEBUI_SECRET_KEY", "packaged-" + UUID.randomUUID());
        Path log = Files.createTempFile("service", ".log");
        Process process = start(env, log);
        try {
            awaitStatus(port, "/q/health/ready", 200, Duration.ofSeconds(60), process, log);
            assertEquals(200, get(port, "/health").statusCode());
            assertTrue(get(port, "/health").body().contains("\"status\":true"));
            String output = Files.readString(log);
            assertTrue(output.matches("(?s).*started in \\d+\\.\\d+s.*"), "start-up time is reported:\n" + output);
            assertTrue(output.contains("Database schema"), "migrations are reported:\n" + output);
            Instant deadline = Instant.now().plusSeconds(10);
            while (db.jdbcConnections() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(0, db.jdbcConnections(), "Flyway's connections are closed once the schema is migrated");
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the service stops on SIGTERM");
            db.drop();
        }
    }

    @Test
    void readsDotEnvWhereTheEnvironmentWins() throws Exception {
        TestDatabase db = TestDatabase.create();
        int port = TestRedis.freePort();
        Path cwd = Files.createTempDirectory("service-cwd");
        Files.writeString(cwd.resolve(".env"), String.join("\n",
                "WEBUI_SECRET_KEY=from-dotenv-" + UUID.randomUUID(),
                "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/no_such_database_here",
                "REDIS_KEY_PREFIX=test-" + UUID.randomUUID().toString().substring(0, 8),
                "ENABLE_API_DOCS=true", ""));
        Map<String, String> env = baseEnv(port);
        env.put("DATABASE_URL", db.url());
        Path log = Files.createTempFile("service", ".log");
        Process process = start(env, log, cwd);
        try {
            awaitStatus(port, "/q/health/ready", 200, Duration.ofSeconds(60), process, log);
            HttpResponse<String> docs = get(port, "/api/openapi.json");
            assertEquals(200, docs.statusCode(), "ENABLE_API_DOCS=true from .env turns the docs on");
            assertTrue(docs.body().contains("\"/health/db\""), "the document, built on this first request, lists the routes:\n" + docs.body());
            assertEquals(docs.body(), get(port, "/api/openapi.json").body(), "it is built once");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            db.drop();
        }
    }

    @Test
    void refusesToStartWithoutSecret() throws Exception {
        Map<String, String> env = baseEnv(TestRedis.freePort());
        env.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres");
        assertRefusal(env, "WEBUI_SECRET_KEY is not set");
    }

    @Test
    void refusesToStartWithMalformedDatabaseUrl() throws Exception {
        Map<String, String> env = baseEnv(TestRedis.freePort());
        env.put("WEBUI_SECRET_KEY", "x");
        env.put("DATABASE_URL", "postgresql://user:hunter2@db:port/webui");
        String output = assertRefusal(env, "DATABASE_URL");
        assertFalse(output.contains("hunter2"), "the password is not printed");
    }

    @Test
    void stopsWithOneLineWhenTheDatabaseStaysUnreachable() throws Exception {
        Map<String, String> env = baseEnv(TestRedis.freePort());
        env.put("WEBUI_SECRET_KEY", "x");
        env.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + TestRedis.freePort() + "/webui");
        env.put("DATABASE_STARTUP_WAIT", "2");
        String output = assertRefusal(env, "Database schema migration failed");
        assertTrue(output.contains("Waiting for PostgreSQL"), "the wait is reported:\n" + output);
    }

    private String assertRefusal(Map<String, String> env, String expected) throws Exception {
        Path log = Files.createTempFile("service", ".log");
        Process process = start(env, log);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service exits");
        assertNotEquals(0, process.exitValue());
        String output = Files.readString(log);
        List<String> errorLines = output.lines().filter(line -> line.contains(expected)).toList();
        assertEquals(1, errorLines.size(), "one line names the problem:\n" + output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        return output;
    }

    private static Map<String, String> baseEnv(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return env;
    }

    /** Variables a service needs besides the common ones (e.g. a free port for a second listener). */
    protected Map<String, String> extraEnvironment() throws IOException {
        return Map.of();
    }

    private Process start(Map<String, String> env, Path log) throws IOException {
        return start(env, log, Files.createTempDirectory("service-cwd")); // an empty directory: no stray .env
    }

    private Process start(Map<String, String> env, Path log, Path workingDirectory) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnvironment());
        return builder.start();
    }

    private void awaitStatus(int port, String path, int status, Duration timeout, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get(port, path).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer " + status + " in time:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
