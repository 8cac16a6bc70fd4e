package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's compose path for real: docker-manage.sh drives docker-compose against Podman's
 * Docker-compatible socket, with the suite's images built by Jib and the frontend's Dockerfile on
 * stand-in base images made from Debian packages (src/test/compose: no image registry is reachable).
 * In order: build, setup, start (compose chosen because an engine answers), health, scale api-service
 * to 2 (the gateway balances over both), a streamed chat through the gateway to a real
 * socket.io-client with a fake OpenAI upstream on the containers' network, backup, a wipe, restore,
 * stop. Skipped when the machine cannot run podman (not root, podman not installable). Each step's
 * duration is printed ("[compose-e2e] ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {
    private static final String PROJECT = "webui-compose-e2e";
    private static final Duration LONG = Duration.ofMinutes(10);
    private static final Duration QUICK = Duration.ofMinutes(2);
    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "compose-drill-1";
    private static final Instant STARTED = Instant.now();
    private static final List<String> SERVICE_IMAGES = List.of("api-service", "auth-service", "file-service", "socketio-bridge", "frontend");

    private static ContainerEngine engine;
    private static ManageScript script;
    private static Path work;
    private static int webuiPort;
    private static FakeOpenAi upstream;
    private static SocketClients sockets;
    private static Gateway admin;
    private static String chatId;
    private static String fileId;
    private static byte[] fileBytes;
    private static String expectedAnswer;
    private static String assistantId;

    @BeforeAll
    static void engineImagesAndSettings() throws Exception {
        String whyNot = ContainerEngine.whyNot();
        Assumptions.assumeTrue(whyNot == null, "compose end-to-end test skipped: " + whyNot);
        engine = new ContainerEngine();
        timed("engine installed and its socket started", engine::start);
        removeLeftovers();
        timed("stand-in base images ready", () -> {
            engine.baseImages();
            return null;
        });

        work = Files.createTempDirectory("compose-e2e");
        webuiPort = LocalSuite.freePorts(1, List.of("WEBUI_PORT")).get("WEBUI_PORT");
        Map<String, String> env = DockerManageScriptTest.withIsolatedState(work);
        env.remove("DOCKER_HOST"); // the script finds Podman's socket by itself
        env.put("COMPOSE_PROJECT_NAME", PROJECT);
        env.put("WEBUI_PORT", String.valueOf(webuiPort));
        env.put("WEBUI_URL", "http://127.0.0.1:" + webuiPort);
        env.put("START_TIMEOUT", "420");
        script = new ManageScript(env);

        // -Dcompose.e2e.reuseImages=true (by hand, while working on the test itself) keeps images already built
        String version = suiteVersion();
        boolean reuse = Boolean.getBoolean("compose.e2e.reuseImages") && SERVICE_IMAGES.stream()
                .allMatch(image -> engine.podman("image", "exists", "open-webui-java/" + image + ":" + version).exit() == 0);
        if (!reuse) {
            ManageScript.Result build = timed("images built (Jib, docker build)", () -> script.run(Duration.ofMinutes(20), "build"));
            assertEquals(0, build.exit(), build.toString());
            assertTrue(build.out().contains("from the engine"), "Jib took the bases from the engine: " + build.out());
        }
        for (String service : SERVICE_IMAGES) {
            assertEquals(0, engine.podman("image", "exists", "open-webui-java/" + service + ":" + version).exit(), service + " image built");
        }

        ManageScript.Result setup = script.run(QUICK, "setup");
        assertEquals(0, setup.exit(), setup.toString());
        assertTrue(setup.out().contains("docker-compose") && setup.out().contains("Podman Engine"), "says which compose and engine: " + setup.out());
        assertTrue(Files.readString(work.resolve(".env")).matches("(?s).*WEBUI_SECRET_KEY=\\S{20,}.*"), "setup generated the secret");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (engine == null) {
            return;
        }
        try {
            if (sockets != null) {
                sockets.close();
            }
            if (upstream != null) {
                upstream.close();
            }
            if (script != null) {
                ManageScript.Result stop = script.run(QUICK, "stop");
                if (stop.exit() != 0) {
                    System.out.println("[compose-e2e] stop at the end: " + stop);
                }
            }
            removeLeftovers();
        } finally {
            engine.stop();
            System.out.println("[compose-e2e] whole test: " + Duration.between(STARTED, Instant.now()).toSeconds() + " s");
        }
    }

    @Test
    @Order(1)
    void startChoosesComposeBecauseAnEngineAnswersAndWaitsUntilEveryContainerIsHealthy() {
        ManageScript.Result start = timed("start (every container healthy)", () -> script.run(LONG, "start"));
        assertEquals(0, start.exit(), start.toString());
        assertTrue(start.out().contains("Compose: docker-compose"), "compose mode, v1 named: " + start.out());

        ManageScript.Result health = script.run(QUICK, "health");
        assertEquals(0, health.exit(), health.toString());
        for (String part : List.of("postgres", "redis", "api-service", "auth-service", "file-service", "socketio-bridge", "frontend", "gateway routes /health")) {
            assertTrue(health.out().lines().anyMatch(line -> line.startsWith("  ok ") && line.contains(part)), part + ": " + health.out());
        }
    }

    @Test
    @Order(2)
    void theServiceImagesRunAsUid1001WithTheirHealthcheckToolInside() {
        for (String service : List.of("api-service", "auth-service", "file-service", "socketio-bridge")) {
            String container = containers(service).get(0);
            assertEquals("1001", engine.podmanOk("exec", container, "id", "-u").strip(), service + " does not run as root");
            String healthcheck = engine.podmanOk("inspect", "--format", "{{json .Config.Healthcheck}}", container);
            String tool = healthcheck.contains("\"wget\"") || healthcheck.contains("\"CMD\",\"wget\"") ? "wget" : healthcheck.contains("curl") ? "curl" : "?";
            assertNotEquals("?", tool, service + ": " + healthcheck);
            assertEquals(0, engine.podman("exec", container, "sh", "-c", "command -v " + (service.equals("file-service") ? "curl" : "wget")).exit(),
                    service + ": the tool its healthcheck calls is in the image: " + healthcheck);
        }
    }

    @Test
    @Order(3)
    void scaledToTwoApiReplicasTheGatewayBalancesOverBoth() throws Exception {
        ManageScript.Result scale = timed("scale api-service 2", () -> script.run(LONG, "scale", "api-service", "2"));
        assertEquals(0, scale.exit(), scale.toString());
        assertEquals(2, containers("api-service").size(), "two api-service containers");

        Gateway gateway = new Gateway(gatewayUrl());
        Gateway.Response signup = gateway.post("/api/v1/auths/signup",
                Map.of("name", "Ada Admin", "email", EMAIL, "password", PASSWORD, "profile_image_url", "/user.png"));
        assertEquals(200, signup.status(), signup.toString());
        assertEquals("admin", signup.json().path("role").asText(), "the first user is the admin");
        admin = gateway.as(signup.json().path("token").asText());

        // the gateway's workers pick up the new replica's address as they are replaced after the reload
        Set<String> answeredBy = new java.util.HashSet<>();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        for (int i = 0; answeredBy.size() < 2 && System.nanoTime() < deadline; i++) {
            assertEquals(200, admin.get("/api/config?probe=" + i).status());
            answeredBy.add(upstreamOf("/api/config?probe=" + i));
        }
        Set<String> apiAddresses = containers("api-service").stream()
                .map(c -> engine.podmanOk("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", c).strip() + ":8080")
                .collect(Collectors.toSet());
        assertEquals(apiAddresses, answeredBy, "requests through the gateway reach both api-service replicas");
    }

    @Test
    @Order(4)
    void aStreamedChatThroughTheGatewayArrivesOnASocketAndIsSaved() throws Exception {
        // the upstream listens on the containers' network, where the api-service replicas reach it
        String hostOnNetwork = engine.podmanOk("network", "inspect", "--format", "{{range .Subnets}}{{.Gateway}}{{end}}", PROJECT + "_webui").strip();
        upstream = new FakeOpenAi(hostOnNetwork);
        Gateway.Response configured = admin.post("/openai/config/update", Map.of("ENABLE_OPENAI_API", true,
                "OPENAI_API_BASE_URLS", List.of(upstream.baseUrl()), "OPENAI_API_KEYS", List.of(FakeOpenAi.KEY), "OPENAI_API_CONFIGS", Map.of()));
        assertEquals(200, configured.status(), configured.toString());
        // both replicas list the upstream's models once the new connection reached them: four answers in a
        // row, through the gateway's round robin, within the settings' 30 s cache age
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        int inARow = 0;
        JsonNode models = null;
        while (inARow < 4 && System.nanoTime() < deadline) {
            models = admin.get("/api/models").json().path("data");
            inARow = models.toString().contains(FakeOpenAi.ECHO) ? inARow + 1 : 0;
            if (inARow == 0) {
                Thread.sleep(250);
            }
        }
        assertEquals(4, inARow, "every replica lists the upstream's models: " + models);

        sockets = new SocketClients();
        String sid = sockets.connect("tab", gatewayUrl(), admin.token());
        Gateway.Response created = admin.post("/api/v1/chats/new", Map.of("chat", Map.of("title", "Compose drill",
                "models", List.of(FakeOpenAi.ECHO), "messages", List.of(), "history", Map.of("messages", Map.of(), "currentId", ""))));
        assertEquals(200, created.status(), created.toString());
        chatId = created.json().path("id").asText();
        String userId = UUID.randomUUID().toString();
        assistantId = UUID.randomUUID().toString();
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put(userId, Map.of("id", userId, "parentId", "", "childrenIds", List.of(assistantId), "role", "user",
                "content", "Hello compose", "timestamp", Instant.now().getEpochSecond(), "models", List.of(FakeOpenAi.ECHO)));
        messages.put(assistantId, Map.of("id", assistantId, "parentId", userId, "childrenIds", List.of(), "role", "assistant",
                "content", "", "model", FakeOpenAi.ECHO, "timestamp", Instant.now().getEpochSecond()));
        assertEquals(200, admin.post("/api/v1/chats/" + chatId, Map.of("chat", Map.of("models", List.of(FakeOpenAi.ECHO),
                "history", Map.of("currentId", assistantId, "messages", messages)))).status());

        Gateway.Response started = admin.post("/api/chat/completions", Map.of("model", FakeOpenAi.ECHO, "stream", true,
                "messages", List.of(Map.of("role", "user", "content", "Hello compose")), "session_id", sid, "chat_id", chatId,
                "id", assistantId, "stream_options", Map.of("include_usage", true)));
        assertEquals(200, started.status(), started.toString());
        assertFalse(started.json().path("task_id").asText().isEmpty(), started.toString());

        expectedAnswer = "You said: **Hello compose**\n\nDone.";
        JsonNode done = sockets.awaitEvent("tab", "chat-events", e -> assistantId.equals(e.path("message_id").asText())
                && e.path("data").path("data").path("done").asBoolean(false), Duration.ofSeconds(60));
        assertEquals(expectedAnswer, done.path("data").path("data").path("content").asText(), done.toString());
        List<String> contents = sockets.events("tab", "chat-events").stream()
                .filter(e -> assistantId.equals(e.path("message_id").asText()) && "chat:completion".equals(e.path("data").path("type").asText()))
                .map(e -> e.path("data").path("data")).filter(d -> d.has("content") && !d.path("done").asBoolean(false))
                .map(d -> d.path("content").asText()).toList();
        assertFalse(contents.isEmpty(), "the answer streamed before it was done");
        for (int i = 1; i < contents.size(); i++) {
            assertTrue(contents.get(i).startsWith(contents.get(i - 1)), "each event carries the answer so far: " + contents);
        }
        assertTrue(upstream.completions().stream().anyMatch(r -> r.path("messages").toString().contains("Hello compose")));
        awaitSavedAnswer(admin);
    }

    @Test
    @Order(5)
    void aBackupBringsBackTheDatabaseAndTheUploadsAfterAWipe() throws Exception {
        fileBytes = new byte[150_000];
        new Random(11).nextBytes(fileBytes);
        Gateway.Response uploaded = admin.upload("/api/v1/files/?process=false", "drill.bin", "application/octet-stream", fileBytes);
        assertEquals(200, uploaded.status(), uploaded.toString());
        fileId = uploaded.json().path("id").asText();
        assertArrayEquals(fileBytes, admin.bytes("/api/v1/files/" + fileId + "/content"));

        ManageScript.Result backup = timed("backup", () -> script.run(LONG, "backup"));
        assertEquals(0, backup.exit(), backup.toString());
        Path archive = Path.of(backup.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(Files.size(archive) > fileBytes.length, "the archive holds the upload: " + Files.size(archive));

        // the wipe: every table gone, the upload directory emptied
        ManageScript.Result dropped = script.run(QUICK, "psql", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        assertEquals(0, dropped.exit(), dropped.toString());
        String fileService = containers("file-service").get(0);
        engine.podmanOk("exec", fileService, "sh", "-c", "rm -rf /app/backend/data/uploads/*");
        assertEquals("", engine.podmanOk("exec", fileService, "ls", "/app/backend/data/uploads").strip());
        assertNotEquals(200, new Gateway(gatewayUrl()).post("/api/v1/auths/signin", Map.of("email", EMAIL, "password", PASSWORD)).status(),
                "wiped: nobody can sign in");

        ManageScript.Result restore = timed("restore (services stopped, restored, started)", () -> script.run(LONG, "restore", archive.toString()));
        assertEquals(0, restore.exit(), restore.toString());
        Gateway.Response signin = new Gateway(gatewayUrl()).post("/api/v1/auths/signin", Map.of("email", EMAIL, "password", PASSWORD));
        assertEquals(200, signin.status(), "the admin and her password are back: " + signin);
        admin = new Gateway(gatewayUrl()).as(signin.json().path("token").asText());
        assertEquals(expectedAnswer, admin.get("/api/v1/chats/" + chatId).json().path("chat").path("history").path("messages")
                .path(assistantId).path("content").asText(), "the streamed answer is back");
        assertArrayEquals(fileBytes, admin.bytes("/api/v1/files/" + fileId + "/content"), "the upload's bytes are back");
        assertEquals(2, containers("api-service").size(), "the restore kept both api-service replicas");
    }

    @Test
    @Order(6)
    void stopRemovesEveryContainerAndKeepsTheVolumes() {
        ManageScript.Result stop = timed("stop", () -> script.run(LONG, "stop"));
        assertEquals(0, stop.exit(), stop.toString());
        assertEquals("", engine.podmanOk("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT).strip(), "no container left");
        String volumes = engine.podmanOk("volume", "ls", "--format", "{{.Name}}");
        for (String volume : List.of("postgres-data", "redis-data", "webui-data")) {
            assertTrue(volumes.contains(PROJECT + "_" + volume), volume + " is kept: " + volumes);
        }
    }

    private static String gatewayUrl() {
        return "http://127.0.0.1:" + webuiPort;
    }

    /** The running containers of one compose service, by name. */
    private static List<String> containers(String service) {
        return engine.podmanOk("ps", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT,
                "--filter", "label=com.docker.compose.service=" + service).strip().lines().filter(l -> !l.isBlank()).toList();
    }

    /** The upstream address the gateway's access log (its container's output) names for this request. */
    private static String upstreamOf(String pathPart) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        Pattern upstreamField = Pattern.compile(" upstream=(\\S+) ");
        while (true) {
            ContainerEngine.Output logs = engine.podman("logs", containers("frontend").get(0));
            for (String line : logs.text().lines().toList()) {
                Matcher upstream = upstreamField.matcher(line);
                if (line.contains(pathPart + " ") && upstream.find()) {
                    return upstream.group(1);
                }
            }
            assertTrue(Instant.now().isBefore(deadline), "the gateway logged no request for " + pathPart + ":\n" + logs.text());
            Thread.sleep(200);
        }
    }

    private static void awaitSavedAnswer(Gateway as) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            String content = as.get("/api/v1/chats/" + chatId).json().path("chat").path("history").path("messages")
                    .path(assistantId).path("content").asText("");
            if (expectedAnswer.equals(content)) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "the saved answer is '" + content + "'");
            Thread.sleep(200);
        }
    }

    /** Containers and volumes of an earlier run that did not end (the project name is this test's own). */
    private static void removeLeftovers() {
        String ids = engine.podmanOk("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT).strip();
        if (!ids.isEmpty()) {
            engine.podman(concat(List.of("rm", "-f", "-t", "5"), ids.lines().toList()));
        }
        engine.podman("network", "rm", "-f", PROJECT + "_webui");
        for (String volume : List.of("postgres-data", "redis-data", "webui-data")) {
            engine.podman("volume", "rm", "-f", PROJECT + "_" + volume);
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    private static String suiteVersion() throws IOException {
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Repo.file("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }

    interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T timed(String what, Step<T> step) {
        Instant begin = Instant.now();
        try {
            return step.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.out.println("[compose-e2e] " + what + ": " + Duration.between(begin, Instant.now()).toSeconds() + " s");
        }
    }

}
