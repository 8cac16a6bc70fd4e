package dev.webui.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Open WebUI installation moved over and used. Its DATA_DIR (webui.db of 0.11.0, the newest
 * release, with an uploads folder) is imported by two packaged importers started together in
 * automatic mode, as two replicas would be; then the packaged services run on the result: a user
 * signs in through auth-service with the bcrypt password Open WebUI stored, another with the
 * argon2 hash Open WebUI wrote with PASSWORD_HASH_ALGORITHM=argon2; the API key (kept by 0.11.0 in
 * its api_key table) authenticates, the group lists its members (group_member), the knowledge base
 * its file (knowledge_file); the chat is read through api-service and the file downloaded through
 * file-service, field by field; the other user's chat and file stay out of reach. Own database,
 * Redis prefix, ports and folders.
 */
class ImportRoundTripIT {
    /** "correct horse battery staple" hashed as Open WebUI (passlib) does: $2b$, cost 12. */
    private static final String PASSWORD = "correct horse battery staple";
    private static final String BCRYPT = "$2b$12$orT4Dh4LCbG7aXWdpeius.JiH.HU3zKaeZBgsXdSOGBRNmXy3dRDe";
    /** "Correct horse battery staple!" by the reference argon2 (argon2 somesaltvalue16 -id -t 3 -m 16 -p 4 -l 32 -e). */
    private static final String ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHR2YWx1ZTE2$UVE1isM6xokhTUZrSIHz3+PRF33i6IGg+TtFgz1j+dI";
    private static final String API_KEY = "sk-ada0123456789abcdef0123456789ab";
    private static final String SECRET = "import-round-trip-secret-" + UUID.randomUUID();
    private static final byte[] NOTES = "Timetable\n08:15 Zurich\n\u00e9t\u00e9\n".getBytes(StandardCharsets.UTF_8);
    private static final Duration READY = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String database = "ops_import_" + suffix;
    private final List<Process> processes = new ArrayList<>();
    private Path work;

    @BeforeEach
    void isolate() throws Exception {
        work = Files.createTempDirectory("ops-import");
        PgAdmin.execute("CREATE DATABASE " + database);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        PgAdmin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        run(List.of("sh", "-c", "redis-cli --scan --pattern 'ops-import-" + suffix + "*' | xargs -r redis-cli del > /dev/null"));
        run(List.of("rm", "-rf", work.toString()));
    }

    @Test
    void importedUsersSignInAndReadTheirChatsAndFilesThroughTheServices() throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("openwebui-data"));
        openWebuiDataDir(dataDir);
        Path uploadDir = Files.createDirectories(work.resolve("suite-uploads"));
        Map<String, String> env = new HashMap<>(ManageScript.cleanEnvironment());
        env.put("DATABASE_URL", "postgresql://" + PgAdmin.USER + "@" + PgAdmin.HOST + ":" + PgAdmin.PORT + "/" + database);
        env.put("UPLOAD_DIR", uploadDir.toString());
        env.put("DATA_DIR", dataDir.toString());
        env.put("REDIS_URL", "redis://127.0.0.1:6379/0");
        env.put("REDIS_KEY_PREFIX", "ops-import-" + suffix);
        env.put("WEBUI_SECRET_KEY", SECRET);

        // two replicas starting together: exactly one imports, the other finds it done
        Path jar = jar("importer/target/importer.jar");
        List<Process> importers = List.of(start("importer-1", env, "-jar", jar.toString(), "on-start"),
                start("importer-2", env, "-jar", jar.toString(), "on-start"));
        int reports = 0;
        for (int i = 0; i < importers.size(); i++) {
            assertTrue(importers.get(i).waitFor(5, TimeUnit.MINUTES), "importer " + (i + 1) + " finishes");
            String out = Files.readString(log("importer-" + (i + 1)));
            assertEquals(0, importers.get(i).exitValue(), out);
            if (out.contains("Import report")) {
                reports++;
            } else {
                assertTrue(out.contains("already done"), out);
            }
        }
        assertEquals(1, reports, "exactly one replica imported");
        assertArrayEquals(NOTES, Files.readAllBytes(dataDir.resolve("uploads/f-1_notes.txt")), "the source is never modified");

        int auth = service("auth-service", env);
        int api = service("api-service", env);
        int files = service("file-service", env);

        // sign in with the password Open WebUI stored
        assertNotEquals(200, signIn(auth, "ada@example.com", "not the password").statusCode());
        HttpResponse<String> adaSignIn = signIn(auth, "ADA@example.com", PASSWORD);
        String ada = token(adaSignIn);
        Map<String, Object> adaUser = json(adaSignIn);
        assertEquals("u-ada", adaUser.get("id"));
        assertEquals("ada@example.com", adaUser.get("email"));
        assertEquals("Ada", adaUser.get("name"));
        assertEquals("admin", adaUser.get("role"));
        assertNotEquals(200, signIn(auth, "bob@example.com", PASSWORD).statusCode());
        String bob = token(signIn(auth, "bob@example.com", "Correct horse battery staple!"));

        // the API key 0.11.0 kept in its api_key table, the group's members and the knowledge base's file
        assertEquals(List.of("c-1"), ids(get(api, "/api/v1/chats/pinned", API_KEY, 200)), "the imported API key signs requests");
        Map<String, Object> group = json(get(auth, "/api/v1/groups/id/g-1", ada, 200));
        assertEquals(List.of("u-ada", "u-bob"), ((List<?>) group.get("user_ids")).stream().map(Object::toString).sorted().toList());
        Map<String, Object> knowledge = json(get(files, "/api/v1/knowledge/k-1", ada, 200));
        assertEquals(List.of("f-1"), ((List<?>) map(knowledge.get("data")).get("file_ids")));
        assertEquals("f-1", map(((List<?>) knowledge.get("files")).get(0)).get("id"));

        // the chat, field by field
        Map<String, Object> chat = json(get(api, "/api/v1/chats/c-1", ada, 200));
        assertEquals("c-1", chat.get("id"));
        assertEquals("u-ada", chat.get("user_id"));
        assertEquals("Trains", chat.get("title"));
        assertEquals(true, chat.get("pinned"));
        assertEquals(false, chat.get("archived"));
        assertEquals(1700001000, ((Number) chat.get("created_at")).intValue());
        assertEquals(1700001500, ((Number) chat.get("updated_at")).intValue());
        assertEquals(List.of("travel"), map(chat.get("meta")).get("tags"));
        Map<String, Object> body = map(chat.get("chat"));
        assertEquals(List.of("gpt-4o"), body.get("models"));
        Map<String, Object> history = map(body.get("history"));
        assertEquals("m2", history.get("currentId"));
        Map<String, Object> messages = map(history.get("messages"));
        assertEquals(2, messages.size());
        Map<String, Object> m1 = map(messages.get("m1"));
        Map<String, Object> m2 = map(messages.get("m2"));
        assertEquals("user", m1.get("role"));
        assertEquals("Which train to Zurich?", m1.get("content"));
        assertEquals(List.of("m2"), m1.get("childrenIds"));
        assertEquals("m1", m2.get("parentId"));
        assertEquals("assistant", m2.get("role"));
        assertEquals("The 08:15.", m2.get("content"));
        assertEquals("gpt-4o", m2.get("model"));
        assertEquals(1700001010, ((Number) m2.get("timestamp")).intValue());
        assertEquals(List.of(), m2.get("childrenIds"));

        assertEquals(List.of("c-1"), ids(get(api, "/api/v1/chats/pinned", ada, 200)), "imported as pinned, listed with the pinned ones");
        assertEquals(List.of(), ids(get(api, "/api/v1/chats/", ada, 200)), "the sidebar list leaves pinned chats out, as Open WebUI's");
        assertEquals(List.of("c-bob"), ids(get(api, "/api/v1/chats/", bob, 200)));
        assertOutOfReach(get(api, "/api/v1/chats/c-1", bob, -1), "bob cannot read ada's chat");

        // the file: bytes, and file-service's hash (SHA-256 of the bytes) with Open WebUI's kept aside
        Map<String, Object> file = json(get(files, "/api/v1/files/f-1", ada, 200));
        assertEquals("notes.txt", file.get("filename"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(NOTES)), file.get("hash"));
        assertEquals("openwebui-text-hash", map(file.get("meta")).get("openwebui_hash"));
        HttpResponse<byte[]> content = http.send(request(files, "/api/v1/files/f-1/content", ada).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, content.statusCode());
        assertArrayEquals(NOTES, content.body());
        assertOutOfReach(get(files, "/api/v1/files/f-1/content", bob, -1), "bob cannot download ada's file");
    }

    /**
     * A 0.11.0 DATA_DIR: webui.db made with Open WebUI's 0.6.32 DDL and the changes of the later
     * releases that move what is checked here (docs/importer.md, "Supported releases": group_member,
     * api_key, knowledge_file, access_grant, per-key config), uploads named {@code <id>_<name>}.
     */
    private void openWebuiDataDir(Path dataDir) throws Exception {
        String ddl = Files.readString(Repo.file("importer/src/test/resources/openwebui/sqlite-0.6.32.sql"));
        String chat = """
                {"title": "Trains", "models": ["gpt-4o"], "params": {}, "tags": [], "timestamp": 1700001000000,
                 "history": {"currentId": "m2", "messages": {
                   "m1": {"id": "m1", "parentId": null, "childrenIds": ["m2"], "role": "user", "content": "Which train to Zurich?",
                          "timestamp": 1700001000, "models": ["gpt-4o"]},
                   "m2": {"id": "m2", "parentId": "m1", "childrenIds": [], "role": "assistant", "content": "The 08:15.",
                          "model": "gpt-4o", "timestamp": 1700001010, "done": true}}},
                 "messages": [{"id": "m1", "role": "user", "content": "Which train to Zurich?"},
                              {"id": "m2", "role": "assistant", "content": "The 08:15."}]}""".replace("'", "''");
        String rows = """
                INSERT INTO alembic_version VALUES ('f0bd01a18a3d');
                INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at, settings, info)
                  VALUES ('u-ada', 'Ada', 'ada@example.com', 'admin', '/user.png', 1700000000, 1700000000, 1700000000, '{}', null),
                         ('u-bob', 'Bob', 'bob@example.com', 'user', '/user.png', 1700000100, 1700000100, 1700000100, null, null);
                INSERT INTO auth VALUES ('u-ada', 'ada@example.com', '%1$s', 1), ('u-bob', 'bob@example.com', '%4$s', 1);
                INSERT INTO chat (id, user_id, title, share_id, archived, created_at, updated_at, chat, pinned, meta, folder_id)
                  VALUES ('c-1', 'u-ada', 'Trains', null, 0, 1700001000, 1700001500, '%2$s', 1, '{"tags": ["travel"]}', null),
                         ('c-bob', 'u-bob', 'Bob''s', null, 0, 1700002000, 1700002000, '{"history": {"currentId": null, "messages": {}}}', 0, '{}', null);
                INSERT INTO file (id, user_id, filename, meta, created_at, hash, data, updated_at, path, access_control)
                  VALUES ('f-1', 'u-ada', 'notes.txt', '{"name": "notes.txt", "content_type": "text/plain", "size": %3$d}', 1700003000,
                          'openwebui-text-hash', '{"status": "completed", "content": "Timetable"}', 1700003000,
                          '/app/backend/data/uploads/f-1_notes.txt', null);
                INSERT INTO knowledge (id, user_id, name, description, data, meta, created_at, updated_at, access_control)
                  VALUES ('k-1', 'u-ada', 'Timetables', 'Trains', null, null, 1700004000, 1700004000, null);
                INSERT INTO "group" (id, user_id, name, description, data, meta, permissions, user_ids, created_at, updated_at)
                  VALUES ('g-1', 'u-ada', 'Travellers', '', null, null, '{}', null, 1700005000, 1700005000);
                ALTER TABLE "group" DROP COLUMN user_ids;
                CREATE TABLE group_member (id TEXT NOT NULL PRIMARY KEY, group_id TEXT NOT NULL, user_id TEXT NOT NULL,
                  created_at BIGINT, updated_at BIGINT);
                INSERT INTO group_member VALUES ('gm-1', 'g-1', 'u-ada', 1700005000, 1700005000),
                                                ('gm-2', 'g-1', 'u-bob', 1700005100, 1700005100);
                CREATE TABLE api_key (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, "key" TEXT NOT NULL UNIQUE, data JSON,
                  expires_at BIGINT, last_used_at BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
                INSERT INTO api_key VALUES ('key_u-ada', 'u-ada', '%5$s', null, null, null, 1760000000, 1760000000);
                DROP INDEX user_api_key;
                ALTER TABLE "user" DROP COLUMN api_key;
                ALTER TABLE knowledge DROP COLUMN data;
                ALTER TABLE knowledge DROP COLUMN access_control;
                ALTER TABLE file DROP COLUMN access_control;
                CREATE TABLE knowledge_file (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, knowledge_id TEXT NOT NULL,
                  file_id TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, directory_id TEXT);
                INSERT INTO knowledge_file VALUES ('kf-1', 'u-ada', 'k-1', 'f-1', 1700004100, 1700004100, null);
                CREATE TABLE access_grant (id TEXT NOT NULL PRIMARY KEY, resource_type TEXT NOT NULL, resource_id TEXT NOT NULL,
                  principal_type TEXT NOT NULL, principal_id TEXT NOT NULL, permission TEXT NOT NULL, created_at BIGINT NOT NULL);
                ALTER TABLE config RENAME TO config_old;
                CREATE TABLE config ("key" TEXT NOT NULL PRIMARY KEY, value JSON NOT NULL, updated_at BIGINT);
                INSERT INTO config VALUES ('version', '0', 1772000000), ('ui.enable_signup', 'false', 1772000000);
                """.formatted(BCRYPT, chat, NOTES.length, ARGON2, API_KEY);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("webui.db"));
             Statement sql = db.createStatement()) {
            for (String statement : (ddl + "\n" + rows).split(";\\s*\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).trim();
                if (!body.isEmpty()) {
                    sql.execute(body);
                }
            }
        }
        Files.createDirectories(dataDir.resolve("uploads"));
        Files.write(dataDir.resolve("uploads/f-1_notes.txt"), NOTES);
    }

    private int service(String name, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> own = new HashMap<>(env);
        own.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process p = start(name, own, "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar(name + "/target/quarkus-app/quarkus-run.jar").toString());
        Instant deadline = Instant.now().plus(READY);
        while (!ready(port)) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " did not become ready:\n" + Files.readString(log(name)));
            }
            Thread.sleep(250);
        }
        return port;
    }

    private boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process start(String name, Map<String, String> env, String... javaArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaArgs));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log(name).toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private Path log(String name) {
        return work.resolve(name + ".log");
    }

    private static Path jar(String relative) {
        Path jar = Repo.file(relative);
        assertTrue(Files.isRegularFile(jar), jar + " is missing: package the services and the importer first (./mvnw package -DskipTests)");
        return jar;
    }

    private HttpResponse<String> signIn(int port, String email, String password) throws Exception {
        String body = "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auths/signin"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> signIn) {
        assertEquals(200, signIn.statusCode(), signIn.body());
        return (String) json(signIn.body()).get("token");
    }

    private HttpRequest.Builder request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
    }

    /** {@code status} -1: any; the body is returned either way. */
    private HttpResponse<String> get(int port, String path, String token, int status) throws Exception {
        HttpResponse<String> response = http.send(request(port, path, token).build(), HttpResponse.BodyHandlers.ofString());
        if (status >= 0) {
            assertEquals(status, response.statusCode(), path + ": " + response.body());
        }
        return response;
    }

    private static void assertOutOfReach(HttpResponse<String> response, String what) {
        assertTrue(response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404,
                what + ": " + response.statusCode() + " " + response.body());
        assertTrue(response.body().contains("\"detail\""), what + ": " + response.body());
        assertFalse(response.body().contains("Which train") || response.body().contains("Timetable"), what);
    }

    /** SnakeYAML reads JSON (a subset of YAML 1.2 for what these responses hold): no extra dependency. */
    private static Map<String, Object> json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static Map<String, Object> json(String text) {
        return map(new Yaml().load(text));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(HttpResponse<String> response) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) new Yaml().load(response.body());
        return list.stream().map(m -> (String) m.get("id")).sorted().toList();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }
}
