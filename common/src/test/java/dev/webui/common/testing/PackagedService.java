package dev.webui.common.testing;

import dev.webui.common.auth.JwtService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The module's packaged service (target/quarkus-app/quarkus-run.jar) running as its own process
 * with JVM options of the test's choice (a small heap), on a database and Redis prefix of its own;
 * for tests that must see what a request does to a whole process: its heap, its RSS, its survival.
 */
public final class PackagedService implements AutoCloseable {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;
    private final String secret;
    private final TestDatabase database;

    private PackagedService(Process process, Path log, int port, String secret, TestDatabase database) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.secret = secret;
        this.database = database;
    }

    /** Starts the jar with these JVM options and extra variables and waits until it is ready. */
    public static PackagedService start(List<String> jvmOptions, Map<String, String> variables) throws Exception {
        return start(jvmOptions, database -> variables);
    }

    /** The same, with variables that depend on the service's database (e.g. its address through a relay). */
    public static PackagedService start(List<String> jvmOptions, Function<TestDatabase, Map<String, String>> variables) throws Exception {
        TestDatabase database = TestDatabase.create();
        int port = TestRedis.freePort();
        String secret = "packaged-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DATABASE_URL", database.url());
        env.put("REDIS_URL", TestRedis.SHARED_URL);
        env.put("REDIS_KEY_PREFIX", "test-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("WEBUI_SECRET_KEY", secret);
        env.putAll(variables.apply(database));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path log = Files.createTempFile("service", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Files.createTempDirectory("service-cwd").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        PackagedService service = new PackagedService(builder.start(), log, port, secret, database);
        try {
            service.awaitReady(Duration.ofSeconds(90));
        } catch (Exception | AssertionError e) {
            service.close();
            throw e;
        }
        return service;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Resident memory of the process in MB, from /proc. */
    public long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** A user row in the service's database with a valid token. */
    public TestUsers.TestUser user(String role) throws SQLException {
        String id = UUID.randomUUID().toString();
        String email = role + "-" + id.substring(0, 8) + "@example.com";
        long now = Instant.now().getEpochSecond();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at) "
                        + "VALUES (?, ?, ?, ?, '/user.png', ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, "Test " + role);
            s.setString(3, email);
            s.setString(4, role);
            s.setLong(5, now);
            s.setLong(6, now);
            s.setLong(7, now);
            s.executeUpdate();
        }
        String token = new JwtService(secret).issue(id, Optional.of(Instant.now().plusSeconds(3600)));
        return new TestUsers.TestUser(id, email, role, token, null);
    }

    public TestDatabase database() {
        return database;
    }

    /** GET with a short timeout; the status, or -1 when the service does not answer. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited with " + process.exitValue() + ":\n" + log());
            }
            if (status("/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready in time:\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        database.drop();
    }
}
