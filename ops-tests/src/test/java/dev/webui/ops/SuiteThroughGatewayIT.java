package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real suite in local mode, used through its gateway as the browser uses it: two replicas of
 * api-service and of the bridge, one of auth-service and file-service, nginx in front, a fake
 * OpenAI-compatible upstream behind. The steps build on each other (the first creates the admin
 * of a fresh installation), so they run in order on one suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteThroughGatewayIT {
    static final String ADMIN_NAME = "Grace Hopper";
    static final String ADMIN_EMAIL = "grace@example.com";
    static final String ADMIN_PASSWORD = "c0bol-rules!";

    private FakeOpenAi upstream;
    private LocalSuite suite;
    private Gateway anonymous;
    private Gateway admin;
    private Gateway bob;
    private String chatId;
    private SocketClients sockets;

    @BeforeAll
    void startTheSuite() throws Exception {
        upstream = new FakeOpenAi();
        suite = LocalSuite.start(upstream, 2, 2);
        anonymous = new Gateway(suite.gatewayUrl());
        sockets = new SocketClients();
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        try {
            if (sockets != null) {
                sockets.close();
            }
            if (suite != null) {
                List<String> leftovers = suite.stopAndListLeftovers();
                assertEquals(List.of(), leftovers, "stop --local leaves no process of the suite");
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    @Test
    @Order(1)
    void theFirstVisitorCreatesTheAdminInTheBrowser() throws Exception {
        assertTrue(anonymous.get("/api/config").json().path("onboarding").asBoolean(), "a fresh installation asks for its admin");

        JsonNode created = BrowserSession.run("first-run", browserEnv(Map.of()), Duration.ofMinutes(3)).get("admin-created");
        assertEquals("/", created.path("path").asText());

        assertFalse(anonymous.get("/api/config").json().path("onboarding").asBoolean(false), "onboarding is over");
        Gateway.Response session = anonymous.as(created.path("token").asText()).get("/api/v1/auths/");
        assertEquals(200, session.status(), session.toString());
        assertEquals("admin", session.json().path("role").asText());
        assertEquals(ADMIN_EMAIL, session.json().path("email").asText());
    }

    @Test
    @Order(2)
    void theAdminSignsInReadsTheConfigAndSeesTheUpstreamModels() {
        Gateway.Response wrong = anonymous.post("/api/v1/auths/signin", Map.of("email", ADMIN_EMAIL, "password", "not-it"));
        assertEquals(400, wrong.status(), wrong.toString());
        assertTrue(wrong.json().path("detail").isTextual(), wrong.toString());

        Gateway.Response signin = anonymous.post("/api/v1/auths/signin", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertEquals(200, signin.status(), signin.toString());
        assertEquals("admin", signin.json().path("role").asText());
        String token = signin.json().path("token").asText();
        assertTrue(signin.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("token=" + token)),
                "the token cookie for /api/config and <img> requests: " + signin.headers().map());
        admin = anonymous.as(token);

        JsonNode config = admin.get("/api/config").json();
        assertTrue(config.path("status").asBoolean(), config.toString());
        assertTrue(config.path("features").path("enable_websocket").isBoolean(), config.toString());

        Gateway.Response models = admin.get("/api/models");
        assertEquals(200, models.status(), models.toString());
        List<String> ids = new ArrayList<>();
        models.json().path("data").forEach(m -> ids.add(m.path("id").asText()));
        assertTrue(ids.containsAll(List.of(FakeOpenAi.ECHO, FakeOpenAi.SLOW)), "the upstream's models are listed: " + ids);
        assertEquals(403, anonymous.get("/api/models").status(), "no token, no models");

        Gateway.Response added = admin.post("/api/v1/auths/add",
                Map.of("name", "Bob Builder", "email", "bob@example.com", "password", "b0b-builds", "role", "user"));
        assertEquals(200, added.status(), added.toString());
        bob = anonymous.as(added.json().path("token").asText());
        assertEquals("user", bob.get("/api/v1/auths/").json().path("role").asText());
    }

    @Test
    @Order(3)
    void chatsAndFilesAreKeptForTheirOwnerOnly() {
        Gateway.Response created = admin.post("/api/v1/chats/new", Map.of("chat", Map.of(
                "title", "Gateway drill", "models", List.of(FakeOpenAi.ECHO), "messages", List.of(),
                "history", Map.of("messages", Map.of(), "currentId", ""))));
        assertEquals(200, created.status(), created.toString());
        chatId = created.json().path("id").asText();
        assertEquals("Gateway drill", admin.get("/api/v1/chats/" + chatId).json().path("title").asText());
        Gateway.Response foreign = bob.get("/api/v1/chats/" + chatId);
        assertNotEquals(200, foreign.status(), "another user's chat: " + foreign);
        assertTrue(foreign.json().path("detail").isTextual(), foreign.toString());
        assertFalse(bob.get("/api/v1/chats/").body().contains(chatId), "not in another user's list");

        byte[] content = "Operations notes\nline two: ünïcödé\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        Gateway.Response uploaded = admin.upload("/api/v1/files/", "ops-notes.txt", "text/plain", content);
        assertEquals(200, uploaded.status(), uploaded.toString());
        String fileId = uploaded.json().path("id").asText();
        assertEquals("ops-notes.txt", uploaded.json().path("filename").asText(), uploaded.toString());
        assertArrayEquals(content, admin.bytes("/api/v1/files/" + fileId + "/content"), "the upload comes back byte for byte");
        Gateway.Response foreignFile = bob.get("/api/v1/files/" + fileId + "/content");
        assertNotEquals(200, foreignFile.status(), "another user's file: " + foreignFile);
        assertTrue(foreignFile.json().path("detail").isTextual(), foreignFile.toString());
    }

    @Test
    @Order(4)
    void anEventPostedToEitherApiReplicaReachesTheUsersSocketsOnEveryBridge() throws Exception {
        String token = admin.token();
        sockets.connect("tab", suite.gatewayUrl(), token);
        sockets.connect("bridge-1", suite.bridgeInstanceUrl(1), token);
        sockets.connect("bridge-2", suite.bridgeInstanceUrl(2), token);
        sockets.connect("bob", suite.gatewayUrl(), bob.token());
        for (int replica = 1; replica <= suite.apiReplicas(); replica++) {
            String text = "relayed by api-service-" + replica;
            Gateway.Response relayed = admin.at(suite.apiInstanceUrl(replica)).post("/api/v1/chats/" + chatId + "/messages/m-" + replica + "/event",
                    Map.of("type", "status", "data", Map.of("description", text, "done", true)));
            assertEquals(200, relayed.status(), relayed.toString());
            for (String client : List.of("tab", "bridge-1", "bridge-2")) {
                JsonNode event = sockets.awaitEvent(client, "chat-events",
                        e -> text.equals(e.path("data").path("data").path("description").asText()), Duration.ofSeconds(30));
                assertEquals(chatId, event.path("chat_id").asText());
                assertEquals("m-" + replica, event.path("message_id").asText());
            }
        }
        // through the gateway, consecutive requests alternate between the api replicas, and every event still arrives
        Set<String> answeredBy = new HashSet<>();
        for (int i = 1; i <= 4; i++) {
            String messageId = "gw-" + i;
            assertEquals(200, admin.post("/api/v1/chats/" + chatId + "/messages/" + messageId + "/event",
                    Map.of("type", "status", "data", Map.of("description", messageId))).status());
            for (String client : List.of("tab", "bridge-1", "bridge-2")) {
                sockets.awaitEvent(client, "chat-events", e -> messageId.equals(e.path("message_id").asText()), Duration.ofSeconds(30));
            }
            answeredBy.add(upstreamOf("/messages/" + messageId + "/event"));
        }
        assertEquals(Set.of(suite.apiInstanceUrl(1), suite.apiInstanceUrl(2)).stream().map(u -> u.replace("http://", "")).collect(Collectors.toSet()),
                answeredBy, "the gateway balanced the requests over both api replicas");

        Gateway.Response foreign = bob.post("/api/v1/chats/" + chatId + "/messages/m-x/event", Map.of("type", "status", "data", Map.of()));
        assertNotEquals(200, foreign.status(), "an event on another user's chat: " + foreign);
        // the admin's own events, sent after Bob's attempt, arrive; Bob's socket saw none of them
        admin.post("/api/v1/chats/" + chatId + "/messages/m-last/event", Map.of("type", "status", "data", Map.of("description", "last")));
        sockets.awaitEvent("tab", "chat-events", e -> "m-last".equals(e.path("message_id").asText()), Duration.ofSeconds(30));
        assertEquals(List.of(), sockets.events("bob", "chat-events"), "nothing of another user's chats reaches Bob");
    }

    /** The upstream address the gateway's access log names for the request with this path. */
    private String upstreamOf(String pathPart) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Path log = suite.log("gateway");
            for (String line : Files.readAllLines(log)) {
                Matcher upstream = Pattern.compile(" upstream=(\\S+) ").matcher(line);
                if (line.contains(pathPart) && upstream.find()) {
                    return upstream.group(1);
                }
            }
            assertTrue(Instant.now().isBefore(deadline), "the gateway logged no request for " + pathPart);
            Thread.sleep(100);
        }
    }

    private Map<String, String> browserEnv(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("BASE_URL", suite.gatewayUrl(), "ADMIN_NAME", ADMIN_NAME,
                "ADMIN_EMAIL", ADMIN_EMAIL, "ADMIN_PASSWORD", ADMIN_PASSWORD));
        env.putAll(more);
        return env;
    }
}
