package dev.webui.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite in local mode, end to end through docker-manage.sh: setup creates the database and
 * .env, start runs every service and the gateway, health is green, the gateway routes every path
 * family to its service, a backup survives a wiped database, stop leaves no process behind.
 * Uses its own database, role, Redis prefix, ports and state directory.
 */
class LocalModeIT {
    private static final Duration START = Duration.ofSeconds(200);
    private static final Duration QUICK = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String database = "ops_e2e_" + suffix;
    private Path work;
    private Map<String, Integer> ports;
    private ManageScript script;

    @BeforeEach
    void isolate() throws IOException {
        work = Files.createTempDirectory("ops-e2e");
        ports = LocalSuite.freePorts(2, LocalSuite.PORT_VARIABLES); // the test scales api-service to a second replica
        Map<String, String> env = LocalSuite.localEnvironment(work, ports, database, "ops-e2e-" + suffix);
        env.put("START_TIMEOUT", "150");
        script = new ManageScript(env);
    }

    @AfterEach
    void cleanUp() throws Exception {
        script.run(QUICK, "stop", "--local");
        PgAdmin.dropDatabaseAndRole(database);
        Processes.exec(List.of("sh", "-c", "redis-cli --scan --pattern 'ops-e2e-" + suffix + "*' | xargs -r redis-cli del > /dev/null"));
        Processes.exec(List.of("rm", "-rf", work.toString()));
    }

    private void awaitNoJavaProcessOfThisRun() throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Processes.mentioning(work.toString()).stream().anyMatch(p -> p.contains("java"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("refused services are still running: " + Processes.mentioning(work.toString()));
            }
            Thread.sleep(200);
        }
    }

    @Test
    void setUpStartBackUpRestoreAndStop() throws Exception {
        // setup --local: .env with generated secrets, the role and the database
        ManageScript.Result setup = script.run(Duration.ofMinutes(5), "setup", "--local");
        assertEquals(0, setup.exit(), setup.toString());
        Map<String, String> dotEnv = EnvFile.read(work.resolve(".env"));
        assertTrue(dotEnv.get("WEBUI_SECRET_KEY").matches("[0-9a-f]{64}"), "a generated secret: " + dotEnv);
        assertTrue(dotEnv.get("POSTGRES_PASSWORD").matches("[0-9a-f]{48}"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve(".env"))));
        assertEquals(database, PgAdmin.query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'"),
                "the database belongs to the new role");
        ManageScript.Result again = script.run(QUICK, "setup", "--local");
        assertEquals(0, again.exit(), again.toString());
        assertEquals(dotEnv, EnvFile.read(work.resolve(".env")), "a second setup keeps every secret");

        // migrate: the schema alone, as the Kubernetes Job does it
        ManageScript.Result migrate = script.run(START, "migrate", "--local");
        assertEquals(0, migrate.exit(), migrate.toString());
        assertTrue(migrate.all().contains("Database schema migrated from version none"), migrate.toString());
        assertEquals("t", userQuery("SELECT bool_and(success) FROM flyway_schema_history"));

        // a service that cannot start: the start fails with the line that says why
        ManageScript.Result refused = script.run(Map.of("WEBUI_SECRET_KEY", ""), START, "start", "--local");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("exited during start-up") && refused.err().contains("WEBUI_SECRET_KEY is not set"), refused.err());
        awaitNoJavaProcessOfThisRun();

        // start --local, twice
        Instant started = Instant.now();
        ManageScript.Result start = script.run(START, "start", "--local");
        assertEquals(0, start.exit(), start.toString());
        Duration startTime = Duration.between(started, Instant.now());
        List<Long> pids = pids();
        assertEquals(5, pids.size(), "four services and the gateway: " + pids);
        ManageScript.Result secondStart = script.run(QUICK, "start", "--local");
        assertEquals(0, secondStart.exit(), secondStart.toString());
        assertEquals(4, secondStart.out().split("already running", -1).length - 1, secondStart.out());
        assertEquals(pids, pids(), "nothing was started twice");

        // health, probes, routing
        ManageScript.Result health = script.run(QUICK, "health");
        assertEquals(0, health.exit(), health.toString());
        assertEquals(7, health.out().lines().filter(line -> line.startsWith("  ok ")).count(),
                "four services, PostgreSQL, Redis and the gateway: " + health.out());
        everyProbeAnswers();
        theGatewayRoutesEveryPathFamily();
        theClientCommandsReachTheSuite();
        aScaledServiceIsBalancedByTheGateway();

        // data, made through the gateway: the first user (admin), a chat with two messages, an upload
        Gateway gateway = new Gateway("http://127.0.0.1:" + ports.get("WEBUI_PORT"));
        Gateway.Response signup = gateway.post("/api/v1/auths/signup",
                Map.of("name", "Ada Admin", "email", "ada@example.com", "password", "backup-drill-1", "profile_image_url", "/user.png"));
        assertEquals(200, signup.status(), signup.toString());
        assertEquals("admin", signup.json().path("role").asText(), "the first user is the admin");
        Gateway ada = gateway.as(signup.json().path("token").asText());
        Map<String, Object> question = Map.of("id", "m1", "parentId", "", "childrenIds", List.of("m2"), "role", "user",
                "content", "Is the backup tested?", "timestamp", 1_700_000_000);
        Map<String, Object> answer = Map.of("id", "m2", "parentId", "m1", "childrenIds", List.of(), "role", "assistant",
                "content", "Now it is.", "timestamp", 1_700_000_001);
        Gateway.Response chat = ada.post("/api/v1/chats/new", Map.of("chat", Map.of("title", "Backup drill", "models", List.of("none"),
                "messages", List.of(question, answer), "history", Map.of("currentId", "m2", "messages", Map.of("m1", question, "m2", answer)))));
        assertEquals(200, chat.status(), chat.toString());
        String chatId = chat.json().path("id").asText();
        byte[] upload = new byte[200_000];
        new Random(7).nextBytes(upload);
        Gateway.Response uploaded = ada.upload("/api/v1/files/?process=false", "report.bin", "application/octet-stream", upload);
        assertEquals(200, uploaded.status(), uploaded.toString());
        String fileId = uploaded.json().path("id").asText();
        Path uploads = work.resolve("data/uploads");
        assertArrayEquals(upload, ada.bytes("/api/v1/files/" + fileId + "/content"));

        // backup
        ManageScript.Result backup = script.run(QUICK, "backup");
        assertEquals(0, backup.exit(), backup.toString());
        Path archive = Path.of(backup.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(archive.getFileName().toString().matches("webui-backup-\\d{8}T\\d{6}Z\\.tar\\.gz"), archive.toString());
        Path unpacked = unpack(archive);
        String manifest = Files.readString(unpacked.resolve("manifest.json"));
        assertTrue(manifest.contains("\"schema_version\": \"" + userQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1") + "\""), manifest);
        for (String file : List.of("database.dump", "uploads.tar")) {
            assertTrue(manifest.contains("\"" + file + "\": \"" + sha256(unpacked.resolve(file)) + "\""), file + " checksum in " + manifest);
        }

        // restore refuses a damaged archive and one from a newer schema, and changes nothing
        Path damaged = repack(unpacked, "damaged", dir -> {
            byte[] tar = Files.readAllBytes(dir.resolve("uploads.tar"));
            tar[tar.length / 3] ^= 0x55;
            Files.write(dir.resolve("uploads.tar"), tar);
        });
        ManageScript.Result refusedDamaged = script.run(QUICK, "restore", damaged.toString());
        assertEquals(5, refusedDamaged.exit(), refusedDamaged.toString());
        assertTrue(refusedDamaged.err().contains("checksum mismatch for uploads.tar"), refusedDamaged.err());
        Path newer = repack(unpacked, "newer", dir -> Files.writeString(dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json")).replaceFirst("\"schema_version\": \"[^\"]*\"", "\"schema_version\": \"9999\"")));
        ManageScript.Result refusedNewer = script.run(QUICK, "restore", newer.toString());
        assertEquals(6, refusedNewer.exit(), refusedNewer.toString());
        assertTrue(refusedNewer.err().contains("schema version 9999"), refusedNewer.err());
        assertEquals(pids, pids(), "a refused restore leaves the suite running");

        // wipe everything, restore, and the data is back
        userExecute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        deleteTree(uploads);
        assertEquals("0", userQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        ManageScript.Result restore = script.run(START, "restore", archive.toString());
        assertEquals(0, restore.exit(), restore.toString());
        Gateway.Response signin = gateway.post("/api/v1/auths/signin", Map.of("email", "ada@example.com", "password", "backup-drill-1"));
        assertEquals(200, signin.status(), "the user and her password are back: " + signin);
        assertEquals("admin", signin.json().path("role").asText());
        Gateway adaAgain = gateway.as(signin.json().path("token").asText());
        com.fasterxml.jackson.databind.JsonNode restored = adaAgain.get("/api/v1/chats/" + chatId).json();
        assertEquals("Backup drill", restored.path("title").asText(), restored.toString());
        assertEquals("Now it is.", restored.path("chat").path("history").path("messages").path("m2").path("content").asText(), restored.toString());
        assertArrayEquals(upload, adaAgain.bytes("/api/v1/files/" + fileId + "/content"), "the upload is back byte for byte");
        ManageScript.Result healthAfter = script.run(QUICK, "health");
        assertEquals(0, healthAfter.exit(), "the services were started again: " + healthAfter);
        List<Long> allPids = new ArrayList<>(pids);
        allPids.addAll(pids());

        // stop leaves nothing behind
        ManageScript.Result stop = script.run(QUICK, "stop", "--local");
        assertEquals(0, stop.exit(), stop.toString());
        for (long pid : allPids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is gone");
        }
        assertEquals(List.of(), Processes.mentioning(work.toString()), "no process of this run is left");
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            assertFalse(LocalSuite.listening(port.getValue()), port.getKey() + " " + port.getValue() + " is free again");
        }
        assertEquals(4, health(), "health reports the suite down after stop");
        System.out.printf("local mode: start took %d s%n", startTime.toSeconds());
    }

    private void everyProbeAnswers() throws Exception {
        Map<Integer, Integer> localPort = new HashMap<>();
        localPort.put(Layout.HTTP_PORT.get("api-service"), ports.get("API_PORT"));
        localPort.put(Layout.HTTP_PORT.get("auth-service"), ports.get("AUTH_PORT"));
        localPort.put(Layout.HTTP_PORT.get("file-service"), ports.get("FILES_PORT"));
        localPort.put(Layout.HTTP_PORT.get("socketio-bridge"), ports.get("BRIDGE_HTTP_PORT"));
        List<ProbeTargets.Probe> probes = ProbeTargets.ofServices(KubernetesManifestTest.loadAll());
        assertEquals(12, probes.size());
        for (ProbeTargets.Probe probe : probes) {
            int status = get(localPort.get(probe.port()), probe.path(), Map.of()).statusCode();
            assertEquals(200, status, probe + " answers on the running " + probe.workload());
        }
        for (int port : localPort.values()) {
            assertEquals(200, get(port, "/health", Map.of()).statusCode());
            assertEquals(200, get(port, "/health/db", Map.of()).statusCode());
        }
    }

    private void theGatewayRoutesEveryPathFamily() throws Exception {
        int gateway = ports.get("WEBUI_PORT");
        Map<String, String> requestIds = new HashMap<>();
        for (String path : Layout.ROUTES.keySet()) {
            String rid = "ops-" + UUID.randomUUID();
            requestIds.put(path, rid);
            HttpResponse<String> response = get(gateway, path, Map.of("X-Request-Id", rid));
            if (!Layout.ROUTES.get(path).equals("socketio-bridge")) {
                assertTrue(response.body().startsWith("{"), path + " answers JSON: " + response.body());
            }
        }
        for (Map.Entry<String, String> route : Layout.ROUTES.entrySet()) {
            String service = route.getValue();
            int expected = service.equals("socketio-bridge") ? ports.get("BRIDGE_SOCKET_PORT") : ports.get(portVariable(service));
            String line = awaitLine(work.resolve("run/logs/gateway.log"), "rid=" + requestIds.get(route.getKey()));
            assertTrue(line.contains("upstream=127.0.0.1:" + expected + " "), route.getKey() + " goes to " + service + ": " + line);
            if (!service.equals("socketio-bridge")) {
                awaitLine(work.resolve("run/logs/" + service + "-1.log"), "rid=" + requestIds.get(route.getKey()));
            }
        }
        assertEquals(200, get(gateway, "/gateway/health", Map.of()).statusCode());
        assertEquals(404, get(gateway, "/q/health/ready", Map.of()).statusCode(), "management endpoints stay private");
    }

    private void theClientCommandsReachTheSuite() {
        ManageScript.Result psql = script.run(QUICK, "psql", "-Atc", "SELECT count(*) FROM flyway_schema_history WHERE success");
        assertEquals(0, psql.exit(), psql.toString());
        assertTrue(psql.out().strip().matches("[1-9]\\d*"), psql.out());
        ManageScript.Result redis = script.run(QUICK, "redis-cli", "ping");
        assertEquals("PONG", redis.out().strip(), redis.toString());
        ManageScript.Result status = script.run(QUICK, "status");
        assertEquals(5, status.out().lines().filter(line -> line.endsWith("ready") || line.endsWith("running")).count(), status.out());
        ManageScript.Result logs = script.run(QUICK, "logs", "auth-service");
        assertTrue(logs.out().contains("auth-service") && logs.out().contains("started in"), logs.toString());
        ManageScript.Result version = script.run(QUICK, "version");
        assertTrue(version.out().contains("schema: database is at version"), version.toString());
    }

    /** scale api-service 2: a second instance on API_PORT + 100, both behind the gateway; back to 1. */
    private void aScaledServiceIsBalancedByTheGateway() throws Exception {
        int second = ports.get("API_PORT") + 100;
        ManageScript.Result up = script.run(START, "scale", "api-service", "2");
        assertEquals(0, up.exit(), up.toString());
        java.util.Set<String> upstreams = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            String rid = "scale-" + UUID.randomUUID();
            get(ports.get("WEBUI_PORT"), "/api/v1/chats/", Map.of("X-Request-Id", rid));
            Matcher m = Pattern.compile("upstream=(\\S+)").matcher(awaitLine(work.resolve("run/logs/gateway.log"), "rid=" + rid));
            assertTrue(m.find());
            upstreams.add(m.group(1));
        }
        assertEquals(java.util.Set.of("127.0.0.1:" + ports.get("API_PORT"), "127.0.0.1:" + second), upstreams);
        long secondPid = Long.parseLong(Files.readString(work.resolve("run/pids/api-service-2.pid")).strip());
        ManageScript.Result down = script.run(START, "scale", "api-service", "1");
        assertEquals(0, down.exit(), down.toString());
        assertFalse(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false), "the second replica stopped");
        assertFalse(Files.exists(work.resolve("run/pids/api-service-2.pid")));
    }

    private static String portVariable(String service) {
        return switch (service) {
            case "api-service" -> "API_PORT";
            case "auth-service" -> "AUTH_PORT";
            case "file-service" -> "FILES_PORT";
            default -> throw new IllegalArgumentException(service);
        };
    }

    private int health() {
        return script.run(QUICK, "health", "--local").exit();
    }

    private List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("run/pids"))) {
            for (Path file : files.sorted().toList()) {
                long pid = Long.parseLong(Files.readString(file).strip());
                assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), file + " names a live process");
                pids.add(pid);
            }
        }
        return pids;
    }

    private HttpResponse<String> get(int port, String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitLine(Path log, String marker) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(marker)) {
                        return line;
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(log.getFileName() + " has no line with " + marker);
            }
            Thread.sleep(100);
        }
    }

    private Path unpack(Path archive) throws Exception {
        Path dir = Files.createTempDirectory(work, "unpacked");
        Processes.exec(List.of("tar", "-C", dir.toString(), "-xzf", archive.toString()));
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().orElseThrow();
        }
    }

    interface Change {
        void apply(Path dir) throws IOException;
    }

    private Path repack(Path unpacked, String name, Change change) throws Exception {
        Path copy = Files.createTempDirectory(work, name).resolve(unpacked.getFileName());
        Processes.exec(List.of("cp", "-r", unpacked.toString(), copy.toString()));
        change.apply(copy);
        Path archive = work.resolve(name + ".tar.gz");
        Processes.exec(List.of("tar", "-C", copy.getParent().toString(), "-czf", archive.toString(), copy.getFileName().toString()));
        return archive;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Connection userConnection() throws SQLException {
        String password = EnvFile.read(work.resolve(".env")).get("POSTGRES_PASSWORD");
        return DriverManager.getConnection("jdbc:postgresql://" + PgAdmin.HOST + ":" + PgAdmin.PORT + "/" + database, database, password);
    }

    private void userExecute(String sql) throws SQLException {
        try (Connection c = userConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String userQuery(String sql) throws SQLException {
        try (Connection c = userConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
