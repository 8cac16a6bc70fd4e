package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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

        String first = "My very first message";
        Map<String, JsonNode> findings = BrowserSession.run("first-run", browserEnv(Map.of("FIRST_MESSAGE", first)), Duration.ofMinutes(3));
        JsonNode created = findings.get("admin-created");
        assertEquals("/", created.path("path").asText());

        assertFalse(anonymous.get("/api/config").json().path("onboarding").asBoolean(false), "onboarding is over");
        Gateway.Response session = anonymous.as(created.path("token").asText()).get("/api/v1/auths/");
        assertEquals(200, session.status(), session.toString());
        assertEquals("admin", session.json().path("role").asText());
        assertEquals(ADMIN_EMAIL, session.json().path("email").asText());

        // the first message, sent with the default settings, is answered by the provider's first model (not the arena)
        JsonNode answered = findings.get("first-answer");
        assertTrue(answered.path("text").asText().contains("You said: " + first), answered.toString());
        Gateway owner = anonymous.as(created.path("token").asText());
        String chat = answered.path("chatId").asText();
        awaitTrue(() -> lastMessage(owner, chat).path("content").asText().contains("Done."), "the first answer is saved");
        JsonNode saved = lastMessage(owner, chat);
        assertEquals(FakeOpenAi.ECHO, saved.path("model").asText(), saved.toString());
        assertTrue(saved.path("content").asText().contains("You said: **" + first + "**"), saved.toString());
        assertEquals(200, owner.delete("/api/v1/chats/" + chat).status(), "the later steps start without it");
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

    @Test
    @Order(5)
    void aNewcomerWaitsForApprovalInTheBrowserAndGetsInOnceTheAdminApproves() throws Exception {
        Map<String, String> newcomer = Map.of("name", "Eve Early", "email", "eve@example.com", "password", "too-early-1",
                "profile_image_url", "/user.png");
        Gateway.Response closed = anonymous.post("/api/v1/auths/signup", newcomer);
        assertEquals(403, closed.status(), "the first account closed sign-up: " + closed);
        assertTrue(closed.json().path("detail").isTextual(), closed.toString());
        assertFalse(anonymous.get("/api/config").json().path("features").path("enable_signup").asBoolean(true));
        ObjectNode signupSettings = (ObjectNode) admin.get("/api/v1/auths/admin/config").json();
        signupSettings.put("ENABLE_SIGNUP", true);
        Gateway.Response reopened = admin.post("/api/v1/auths/admin/config", signupSettings);
        assertEquals(200, reopened.status(), reopened.toString());
        awaitTrue(() -> anonymous.get("/api/config").json().path("features").path("enable_signup").asBoolean(false),
                "api-service's /api/config sees the setting auth-service saved");

        BrowserSession browser = BrowserSession.start("pending", Map.of("BASE_URL", suite.gatewayUrl(),
                "USER_NAME", "Linus Newcomer", "USER_EMAIL", "linus@example.com", "USER_PASSWORD", "waiting-4-ok"));
        Gateway linus = anonymous.as(browser.awaitFinding("pending", Duration.ofMinutes(2)).path("token").asText());
        JsonNode session = linus.get("/api/v1/auths/").json();
        assertEquals("pending", session.path("role").asText(), session.toString());
        Gateway.Response refused = linus.get("/api/models");
        assertNotEquals(200, refused.status(), "a pending user gets no models: " + refused);

        Gateway.Response notByBob = bob.post("/api/v1/users/update/role", Map.of("id", session.path("id").asText(), "role", "user"));
        assertNotEquals(200, notByBob.status(), "only an admin approves: " + notByBob);
        Gateway.Response approved = admin.post("/api/v1/users/update/role", Map.of("id", session.path("id").asText(), "role", "user"));
        assertEquals(200, approved.status(), approved.toString());

        assertTrue(browser.finish(Duration.ofMinutes(2)).containsKey("approved"));
        assertEquals(200, linus.get("/api/models").status(), "approved, the same session reads the models");
    }

    @Test
    @Order(6)
    void aStreamedAnswerArrivesAsChatEventsAndIsSaved() throws Exception {
        String sid = sockets.connect("chat-tab", suite.gatewayUrl(), admin.token());
        String userId = UUID.randomUUID().toString();
        String assistantId = UUID.randomUUID().toString();
        saveExchange(chatId, userId, assistantId, "Hello gateway");

        Gateway.Response started = admin.post("/api/chat/completions", completion(FakeOpenAi.ECHO, "Hello gateway", sid, chatId, assistantId));
        assertEquals(200, started.status(), started.toString());
        assertTrue(started.json().path("status").asBoolean(), started.toString());
        assertFalse(started.json().path("task_id").asText().isEmpty(), started.toString());

        String expected = "You said: **Hello gateway**\n\nDone.";
        JsonNode done = sockets.awaitEvent("chat-tab", "chat-events", e -> assistantId.equals(e.path("message_id").asText())
                && e.path("data").path("data").path("done").asBoolean(false), Duration.ofSeconds(60));
        assertEquals(chatId, done.path("chat_id").asText());
        assertEquals(expected, done.path("data").path("data").path("content").asText(), done.toString());

        List<JsonNode> completions = sockets.events("chat-tab", "chat-events").stream()
                .filter(e -> assistantId.equals(e.path("message_id").asText()) && "chat:completion".equals(e.path("data").path("type").asText()))
                .map(e -> e.path("data").path("data")).toList();
        List<String> contents = completions.stream().filter(d -> d.has("content") && !d.path("done").asBoolean(false))
                .map(d -> d.path("content").asText()).toList();
        assertFalse(contents.isEmpty(), "the answer streamed before it was done: " + completions);
        for (int i = 1; i < contents.size(); i++) {
            assertTrue(contents.get(i).startsWith(contents.get(i - 1)), "each content event carries the whole answer so far: " + contents);
        }
        assertTrue(expected.startsWith(contents.get(0)), contents.toString());
        sockets.awaitEvent("chat-tab", "chat-events", e -> assistantId.equals(e.path("message_id").asText())
                && e.path("data").path("data").path("usage").path("total_tokens").asInt() == 19, Duration.ofSeconds(30));

        JsonNode asked = upstream.completions().stream().filter(r -> r.path("stream").asBoolean(false)).reduce((a, b) -> b).orElseThrow();
        assertEquals(FakeOpenAi.ECHO, asked.path("model").asText());
        assertTrue(asked.path("messages").toString().contains("Hello gateway"), asked.toString());

        JsonNode saved = awaitSavedContent(admin, chatId, assistantId, expected);
        assertEquals("assistant", saved.path("role").asText(), saved.toString());
    }

    @Test
    @Order(7)
    void aStreamStartedOnOneApiReplicaReachesASocketOnTheOtherBridgeAndStopsFromTheOtherApiReplica() throws Exception {
        String farSid = sockets.connect("far", suite.bridgeInstanceUrl(2), admin.token());
        Gateway api1 = admin.at(suite.apiInstanceUrl(1));
        Gateway api2 = admin.at(suite.apiInstanceUrl(2));

        String userId = UUID.randomUUID().toString();
        String assistantId = UUID.randomUUID().toString();
        saveExchange(chatId, userId, assistantId, "Across replicas");
        Gateway.Response started = api1.post("/api/chat/completions", completion(FakeOpenAi.ECHO, "Across replicas", farSid, chatId, assistantId));
        assertEquals(200, started.status(), started.toString());
        JsonNode done = sockets.awaitEvent("far", "chat-events", e -> assistantId.equals(e.path("message_id").asText())
                && e.path("data").path("data").path("done").asBoolean(false), Duration.ofSeconds(60));
        assertEquals("You said: **Across replicas**\n\nDone.", done.path("data").path("data").path("content").asText());

        String slowUser = UUID.randomUUID().toString();
        String slowAssistant = UUID.randomUUID().toString();
        saveExchange(chatId, slowUser, slowAssistant, "Take your time");
        Gateway.Response slow = api1.post("/api/chat/completions", completion(FakeOpenAi.SLOW, "Take your time", farSid, chatId, slowAssistant));
        assertEquals(200, slow.status(), slow.toString());
        String taskId = slow.json().path("task_id").asText();
        sockets.awaitEvent("far", "chat-events", e -> slowAssistant.equals(e.path("message_id").asText())
                && e.path("data").path("data").path("content").asText().contains("word3 "), Duration.ofSeconds(60));
        JsonNode running = api2.get("/api/tasks/chat/" + chatId).json();
        assertTrue(running.path("task_ids").toString().contains(taskId), "the other replica lists the running task: " + running);

        // another user's stop is answered like an unknown task, and the stream goes on
        Gateway.Response foreignStop = bob.at(suite.apiInstanceUrl(2)).post("/api/tasks/stop/" + taskId, Map.of());
        assertFalse(foreignStop.json().path("status").asBoolean(true), "another user cannot stop the task: " + foreignStop);
        assertEquals("{\"task_ids\":[]}", bob.get("/api/tasks/chat/" + chatId).body(), "nor see it");
        int before = upstream.slowChunksSent();
        awaitTrue(() -> upstream.slowChunksSent() > before + 2, "the stream goes on after another user's stop");
        assertFalse(upstream.slowStreamHungUp());
        Gateway.Response stop = api2.post("/api/tasks/stop/" + taskId, Map.of());
        assertEquals(200, stop.status(), stop.toString());
        assertTrue(stop.json().path("status").asBoolean(), stop.toString());

        sockets.awaitEvent("far", "chat-events", e -> slowAssistant.equals(e.path("message_id").asText())
                && "chat:tasks:cancel".equals(e.path("data").path("type").asText()), Duration.ofSeconds(60));
        Instant deadline = Instant.now().plusSeconds(60);
        while (!upstream.slowStreamHungUp()) {
            assertTrue(Instant.now().isBefore(deadline), "the upstream stream was not closed after the stop; chunks sent: " + upstream.slowChunksSent());
            Thread.sleep(100);
        }
        assertTrue(upstream.slowChunksSent() < 600, "stopped long before its end: " + upstream.slowChunksSent());
        deadline = Instant.now().plusSeconds(30);
        while (api1.get("/api/tasks/chat/" + chatId).json().path("task_ids").toString().contains(taskId)) {
            assertTrue(Instant.now().isBefore(deadline), "the stopped task is still listed");
            Thread.sleep(200);
        }
        String partial = awaitSavedContent(admin, chatId, slowAssistant, null).path("content").asText();
        assertTrue(partial.startsWith("word1 word2 word3 "), "the partial answer is kept: " + partial);
    }

    @Test
    @Order(8)
    void aPersonChatsInTheBrowserSeesTheAnswerStreamAndFindsItAfterReload() throws Exception {
        String message = "Hello from chromium";
        Map<String, JsonNode> findings = BrowserSession.run("chat",
                browserEnv(Map.of("MODEL", FakeOpenAi.ECHO, "MESSAGE", message, "TITLE", FakeOpenAi.TITLE)), Duration.ofMinutes(3));
        JsonNode streamed = findings.get("streamed");
        assertTrue(streamed.path("text").asText().contains("You said: " + message), streamed.toString());
        JsonNode titled = findings.get("titled");
        assertEquals(FakeOpenAi.TITLE, titled.path("sidebar").asText(), "the generated title replaced New Chat in the sidebar: " + titled);
        assertEquals(FakeOpenAi.TITLE, titled.path("header").asText(), titled.toString());
        JsonNode reloaded = findings.get("reloaded");
        assertEquals(streamed.path("chatId").asText(), reloaded.path("chatId").asText());
        assertTrue(reloaded.path("text").asText().contains("You said: " + message), reloaded.toString());
        JsonNode chat = admin.get("/api/v1/chats/" + reloaded.path("chatId").asText()).json();
        String id = reloaded.path("chatId").asText();
        awaitTrue(() -> FakeOpenAi.TITLE.equals(admin.get("/api/v1/chats/" + id).json().path("title").asText()),
                "the title generated on the first exchange is saved");
        assertTrue(chat.path("chat").path("history").path("messages").toString().contains("You said: **" + message + "**"), chat.toString());
    }

    @Test
    @Order(9)
    void channelMessagesReachMembersThroughTheGatewayAndPrivateChannelsStayPrivate() throws Exception {
        Gateway.Response enabled = admin.post("/api/v1/auths/admin/config", Map.of("ENABLE_CHANNELS", true));
        assertEquals(200, enabled.status(), enabled.toString());
        awaitTrue(() -> admin.get("/api/config").json().path("features").path("enable_channels").asBoolean(),
                "api-service sees the setting auth-service saved");
        Gateway.Response created = admin.post("/api/v1/channels/create", Map.of("name", "General", "description", "everyone"));
        assertEquals(200, created.status(), created.toString());
        String general = created.json().path("id").asText();
        Map<String, Object> privateChannel = new HashMap<>(Map.of("name", "board", "access_control", Map.of()));
        Gateway.Response board = admin.post("/api/v1/channels/create", privateChannel);
        assertEquals(200, board.status(), board.toString());
        String boardId = board.json().path("id").asText();

        // a tab opened now joins the channel's room on user-join; Bob's tab from step 4 is outside it
        sockets.connect("bob-in-room", suite.bridgeInstanceUrl(2), bob.token());
        sockets.connect("admin-ch", suite.gatewayUrl(), admin.token());

        assertEquals(403, bob.post("/api/v1/channels/" + boardId + "/messages/post", Map.of("content", "let me in")).status());
        assertEquals(403, bob.get("/api/v1/channels/" + boardId + "/messages").status());
        assertEquals(200, admin.post("/api/v1/channels/" + boardId + "/messages/post", Map.of("content", "board only")).status());

        Gateway.Response posted = admin.post("/api/v1/channels/" + general + "/messages/post", Map.of("content", "hello all"));
        assertEquals(200, posted.status(), posted.toString());
        String rootId = posted.json().path("id").asText();
        for (String tab : List.of("bob-in-room", "bob")) {
            JsonNode event = sockets.awaitEvent(tab, "channel-events", e -> rootId.equals(e.path("message_id").asText()), Duration.ofSeconds(30));
            assertEquals(general, event.path("channel_id").asText());
            assertEquals("message", event.path("data").path("type").asText());
            assertEquals("hello all", event.path("data").path("data").path("content").asText());
        }

        Gateway.Response reply = bob.post("/api/v1/channels/" + general + "/messages/post", Map.of("content", "hi back", "parent_id", rootId));
        assertEquals(200, reply.status(), reply.toString());
        JsonNode seen = sockets.awaitEvent("admin-ch", "channel-events",
                e -> "hi back".equals(e.path("data").path("data").path("content").asText()), Duration.ofSeconds(30));
        assertEquals(rootId, seen.path("data").path("data").path("parent_id").asText());
        awaitTrue(() -> admin.get("/api/v1/channels/" + general + "/messages/" + rootId + "/thread").json().toString().contains("hi back"),
                "the reply is in the thread");

        for (String tab : List.of("bob-in-room", "bob")) {
            assertTrue(sockets.events(tab, "channel-events").stream().noneMatch(e -> boardId.equals(e.path("channel_id").asText())),
                    tab + " received nothing of the private channel");
        }
    }

    @Test
    @Order(10)
    void aChatIsRenamedPinnedAndDeletedFromTheSidebar() throws Exception {
        String kept = newChat("Sidebar drill");
        String doomed = newChat("Short-lived chat");
        Map<String, JsonNode> findings = BrowserSession.run("sidebar", browserEnv(Map.of("RENAME_FROM", "Sidebar drill",
                "RENAME_TO", "Renamed in chromium", "DELETE_TITLE", "Short-lived chat")), Duration.ofMinutes(2));
        assertEquals(0, findings.get("reloaded").path("deletedListed").asInt(-1), "the deleted chat stays gone after a reload");

        JsonNode renamed = admin.get("/api/v1/chats/" + kept).json();
        assertEquals("Renamed in chromium", renamed.path("title").asText(), renamed.toString());
        assertTrue(renamed.path("pinned").asBoolean(false), "pinned: " + renamed);
        assertTrue(admin.get("/api/v1/chats/pinned").body().contains(kept), "listed as pinned");
        Gateway.Response gone = admin.get("/api/v1/chats/" + doomed);
        assertEquals(404, gone.status(), gone.toString());
        assertFalse(admin.get("/api/v1/chats/").body().contains(doomed), "not listed any more");
    }

    @Test
    @Order(11)
    void aFileUploadedToAKnowledgeBaseAnswersAChatWithCitations() throws Exception {
        String codeword = "PELICAN-" + UUID.randomUUID().toString().substring(0, 8);
        String text = "Runbook of the ops team.\nThe codeword for a failover drill is " + codeword + ".\n";
        String question = "What is the codeword for a failover drill?";
        int before = upstream.completions().size();
        Map<String, JsonNode> findings = BrowserSession.run("knowledge", browserEnv(Map.of("MODEL", FakeOpenAi.ECHO,
                "KB_NAME", "Ops runbooks", "FILE_NAME", "runbook.txt", "FILE_TEXT", text, "QUESTION", question)), Duration.ofMinutes(4));
        JsonNode answered = findings.get("answered");
        assertEquals(List.of("1 Ops runbooks"), Gateway.JSON.convertValue(answered.path("sources"), List.class),
                "one citation chip, for the knowledge base: " + answered);
        assertTrue(answered.path("answer").asText().contains("You said: " + question), answered.toString());

        JsonNode asked = upstream.completions().subList(before, upstream.completions().size()).stream()
                .filter(r -> r.path("stream").asBoolean(false)).findFirst().orElseThrow();
        JsonNode system = asked.path("messages").path(0);
        assertEquals("system", system.path("role").asText(), asked.toString());
        assertTrue(system.path("content").asText().contains(codeword), "the file's text went upstream: " + asked);
        assertTrue(system.path("content").asText().contains("<source id=\"1\""), asked.toString());

        String chat = answered.path("chatId").asText();
        awaitTrue(() -> savedSources(chat).size() == 1, "the answer's sources are saved with it: " + savedSources(chat));
        List<JsonNode> sources = savedSources(chat);
        assertTrue(sources.get(0).path("document").toString().contains(codeword), sources.toString());
        assertEquals("runbook.txt", sources.get(0).path("metadata").path(0).path("name").asText(), sources.toString());
    }

    @Test
    @Order(12)
    void settingsChangedInTheBrowserPersistAcrossAReload() throws Exception {
        JsonNode previous = admin.get("/api/v1/users/user/settings").json();
        String prompt = "Answer like an on-call engineer: short.";
        Map<String, JsonNode> findings = BrowserSession.run("settings",
                browserEnv(Map.of("MODEL", FakeOpenAi.ECHO, "SYSTEM_PROMPT", prompt)), Duration.ofMinutes(2));
        JsonNode reloaded = findings.get("reloaded");
        assertTrue(reloaded.path("dark").asBoolean(false), "the dark theme is back after the reload: " + reloaded);
        assertEquals("dark", reloaded.path("theme").asText(), reloaded.toString());
        assertEquals(FakeOpenAi.ECHO, reloaded.path("model").asText(), reloaded.toString());
        assertEquals(prompt, reloaded.path("system").asText(), reloaded.toString());

        JsonNode ui = admin.get("/api/v1/users/user/settings").json().path("ui");
        assertEquals(prompt, ui.path("system").asText(), ui.toString());
        assertEquals(List.of(FakeOpenAi.ECHO), Gateway.JSON.convertValue(ui.path("models"), List.class), ui.toString());
        // later steps start from the settings the admin had
        Gateway.Response restored = admin.post("/api/v1/users/user/settings/update",
                previous.isObject() ? previous : Map.of("ui", Map.of()));
        assertEquals(200, restored.status(), restored.toString());
    }

    @Test
    @Order(13)
    void everyMainScreenRendersWithTheSuitesData() throws Exception {
        JsonNode toured = BrowserSession.run("tour", browserEnv(Map.of("CHAT_TITLE", FakeOpenAi.TITLE, "CHANNEL", "general",
                "CHANNEL_MESSAGE", "hello all")), Duration.ofMinutes(2)).get("toured");
        // Bob's account has the server's default avatar, /user.png
        assertEquals("[]", toured.path("brokenImages").toString(), "every avatar in Admin > Users loads: " + toured);
        for (String screen : List.of("tour-chat", "tour-workspace-models", "tour-workspace-knowledge", "tour-workspace-prompts",
                "tour-notes", "tour-admin-users", "tour-admin-general", "tour-admin-documents", "tour-channel")) {
            Path shot = Repo.file("ops-tests/target/browser-artifacts/" + screen + ".png");
            assertTrue(Files.size(shot) > 10_000, "a screenshot with content: " + shot);
        }
    }

    @Test
    @Order(14)
    void signingOutEndsTheBrowserSessionAndRevokesItsToken() throws Exception {
        BrowserSession browser = BrowserSession.start("sign-out", browserEnv(Map.of()));
        JsonNode signedIn = browser.awaitFinding("signed-in", Duration.ofMinutes(1));
        String token = signedIn.path("token").asText();
        assertFalse(token.isEmpty(), signedIn.toString());
        assertEquals(token, signedIn.path("cookie").asText(), "the sign-in set the token cookie: " + signedIn);
        assertEquals(200, anonymous.as(token).get("/api/v1/auths/").status(), "the browser's token works while signed in");

        JsonNode out = browser.finish(Duration.ofMinutes(1)).get("signed-out");
        assertEquals("/auth", out.path("path").asText(), out.toString());
        assertTrue(out.path("token").isNull(), "no token in localStorage: " + out);
        assertTrue(out.path("cookie").isNull(), "no token cookie: " + out);

        Gateway old = anonymous.as(token);
        assertEquals(401, old.get("/api/v1/auths/").status(), "the signed-out token is revoked");
        assertEquals(401, old.get("/api/models").status(), "on api-service too");
        Gateway.Response byCookie = anonymous.withCookie("token=" + token).get("/api/v1/auths/");
        assertEquals(401, byCookie.status(), "the old cookie is refused as well: " + byCookie);
        assertTrue(anonymous.withCookie("token=" + admin.token()).get("/api/config").json().path("features").has("enable_channels"),
                "a valid cookie gets the signed-in /api/config");
        assertFalse(anonymous.withCookie("token=" + token).get("/api/config").json().path("features").has("enable_channels"),
                "the old cookie gets the anonymous /api/config: " + anonymous.withCookie("token=" + token).get("/api/config"));
        assertEquals(200, admin.get("/api/v1/auths/").status(), "the admin's other session is untouched");

        // the same token spelled differently (base64 spare bits, padding) is the same signed-out token
        String last = token.substring(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String spareBits = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        for (String respelled : List.of(spareBits, token + "=")) {
            Gateway again = anonymous.as(respelled);
            assertEquals(401, again.get("/api/v1/auths/").status(), "auth-service refuses " + respelled);
            assertEquals(401, again.get("/api/models").status(), "api-service refuses " + respelled);
            assertEquals(401, again.get("/api/v1/files/").status(), "file-service refuses " + respelled);
            for (int replica = 1; replica <= 2; replica++) {
                assertEquals(401, again.at(suite.apiInstanceUrl(replica)).get("/api/models").status(), "api replica " + replica);
            }
        }
    }

    /**
     * Last, because it locks the test's own address out of sign-in: a client that forges a new
     * X-Forwarded-For on every wrong password is still counted at its real address, and forging
     * another person's address does not lock that person out.
     */
    @Test
    @Order(30)
    void passwordSprayingWithForgedAddressesIsThrottledAtTheRealAddressOnly() throws Exception {
        int limit = 20; // SIGNIN_MAX_FAILURES_PER_ADDRESS; step 2's wrong password from this address counts too
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            String forged = i % 2 == 0 ? "127.0.0.2" : "198.51.100." + (i + 1);
            statuses.add(RawHttp.postJson("127.0.0.1", suite.gatewayUrl(), "/api/v1/auths/signin",
                    "{\"email\": \"spray-" + i + "@example.com\", \"password\": \"guess\"}", Map.of("X-Forwarded-For", forged)));
        }
        assertEquals(List.of(400), statuses.subList(0, limit - 5).stream().distinct().toList(), "plain wrong passwords first: " + statuses);
        assertEquals(429, statuses.get(limit), "the sprayer's real address is throttled whatever it forges: " + statuses);
        int victim = RawHttp.postJson("127.0.0.2", suite.gatewayUrl(), "/api/v1/auths/signin",
                "{\"email\": \"bob@example.com\", \"password\": \"b0b-builds\"}", Map.of());
        assertEquals(200, victim, "the person at the forged address signs in as usual");
    }

    private List<JsonNode> savedSources(String chat) {
        List<JsonNode> sources = new ArrayList<>();
        admin.get("/api/v1/chats/" + chat).json().path("chat").path("history").path("messages").forEach(m -> m.path("sources").forEach(sources::add));
        return sources;
    }

    private String newChat(String title) {
        Gateway.Response created = admin.post("/api/v1/chats/new", Map.of("chat", Map.of("title", title,
                "models", List.of(FakeOpenAi.ECHO), "messages", List.of(), "history", Map.of("messages", Map.of(), "currentId", ""))));
        assertEquals(200, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    /** What the UI does before it asks for a completion: the user message and an empty assistant reply, saved. */
    private void saveExchange(String chat, String userId, String assistantId, String text) {
        JsonNode current = admin.get("/api/v1/chats/" + chat).json().path("chat");
        Map<String, Object> messages = new LinkedHashMap<>();
        current.path("history").path("messages").fields().forEachRemaining(f -> messages.put(f.getKey(), f.getValue()));
        messages.put(userId, Map.of("id", userId, "parentId", "", "childrenIds", List.of(assistantId), "role", "user",
                "content", text, "timestamp", Instant.now().getEpochSecond(), "models", List.of(FakeOpenAi.ECHO)));
        messages.put(assistantId, Map.of("id", assistantId, "parentId", userId, "childrenIds", List.of(), "role", "assistant",
                "content", "", "model", FakeOpenAi.ECHO, "timestamp", Instant.now().getEpochSecond()));
        Gateway.Response saved = admin.post("/api/v1/chats/" + chat, Map.of("chat", Map.of("models", List.of(FakeOpenAi.ECHO),
                "history", Map.of("currentId", assistantId, "messages", messages))));
        assertEquals(200, saved.status(), saved.toString());
    }

    private static Map<String, Object> completion(String model, String text, String sessionId, String chat, String assistantId) {
        return Map.of("model", model, "stream", true, "messages", List.of(Map.of("role", "user", "content", text)),
                "session_id", sessionId, "chat_id", chat, "id", assistantId, "stream_options", Map.of("include_usage", true));
    }

    /** The assistant message as the server saved it, once its content is the expected one (any content when null). */
    private static JsonNode awaitSavedContent(Gateway as, String chat, String messageId, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode message = as.get("/api/v1/chats/" + chat).json().path("chat").path("history").path("messages").path(messageId);
            String content = message.path("content").asText("");
            if (expected == null ? !content.isEmpty() : expected.equals(content)) {
                return message;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the saved message " + messageId + " has content '" + content + "', expected '" + expected + "'");
            }
            Thread.sleep(200);
        }
    }

    /** The message at the end of the chat's current branch. */
    static JsonNode lastMessage(Gateway as, String chat) {
        JsonNode history = as.get("/api/v1/chats/" + chat).json().path("chat").path("history");
        return history.path("messages").path(history.path("currentId").asText());
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what);
            Thread.sleep(200);
        }
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

    @Test
    @Order(15)
    void aChatWithMathsAnImageAndRepeatedFollowUpsIsRenderedSentUpstreamAndOpensAgain() throws Exception {
        String message = "What is $x^2$ here?";
        int before = upstream.completions().size();
        JsonNode rich = BrowserSession.run("rich-chat", browserEnv(Map.of("MODEL", FakeOpenAi.ECHO, "MESSAGE", message)),
                Duration.ofMinutes(3)).get("rich");
        assertEquals(List.of(FakeOpenAi.FOLLOW_UP), Gateway.JSON.convertValue(rich.path("followUps"), List.class),
                "the repeated suggestion is shown once: " + rich);
        assertEquals(rich.path("followUps"), rich.path("reloadedFollowUps"), "the chat opens again with its follow-ups: " + rich);
        assertEquals(1, rich.path("images").asInt(), "the image is shown in the question after the reload: " + rich);

        JsonNode asked = upstream.completions().subList(before, upstream.completions().size()).stream()
                .filter(r -> r.path("stream").asBoolean(false)).findFirst().orElseThrow();
        JsonNode question = asked.path("messages").path(asked.path("messages").size() - 1);
        assertEquals("user", question.path("role").asText(), asked.toString());
        assertEquals(message, question.path("content").path(0).path("text").asText(), question.toString());
        assertEquals("image_url", question.path("content").path(1).path("type").asText(), question.toString());
        assertTrue(question.path("content").path(1).path("image_url").path("url").asText().startsWith("data:image/png;base64,"), question.toString());
        assertFalse(asked.has("files") && asked.path("files").toString().contains("image"), "the image is not sent as a document: " + asked);

        JsonNode history = admin.get("/api/v1/chats/" + rich.path("chatId").asText()).json().path("chat").path("history");
        JsonNode answer = history.path("messages").path(history.path("currentId").asText());
        assertEquals(List.of(FakeOpenAi.FOLLOW_UP), Gateway.JSON.convertValue(answer.path("followUps"), List.class),
                "the server saves a repeated suggestion once: " + answer);
    }

    @Test
    @Order(16)
    void aUsersChatCallsOpenApiAndMcpToolsOverRoundsThroughFailureStopRestartAndAccess() throws Exception {
        new ToolChatStep(suite, sockets, upstream, admin, bob).run();
    }

    @Test
    @Order(22)
    void anAdminRunsAPipelinesServerAndItsFiltersReshapeAUsersChat() throws Exception {
        new PipelinesStep(new SuiteParts(suite, sockets, upstream, admin, bob)).run();
    }

    @Test
    @Order(23)
    void codeRunsOnARealJupyterFromTheRunButtonAndTheChatsCodeInterpreter() throws Exception {
        new CodeExecutionStep(new SuiteParts(suite, sockets, upstream, admin, bob)).run();
    }

    @Test
    @Order(20)
    void writersOnBothBridgesAndThroughTheGatewayEditANoteTogetherAReaderCannotAndTheTextIsSaved() throws Exception {
        new CollaborativeNoteStep(suite, sockets, admin, bob).run();
    }

    @Test
    @Order(24)
    void theAppsChatFeaturesWorkOnTheRealSuite() throws Exception {
        appItems().chatFeatures();
    }

    @Test
    @Order(25)
    void theSettingsTabsSaveAndApplyTheirOptions() throws Exception {
        appItems().settingsTabs();
    }

    @Test
    @Order(26)
    void atPhoneWidthTheMainFlowsWork() throws Exception {
        appItems().phoneWidth();
    }

    @Test
    @Order(27)
    void theNoteEditorsModelFeaturesWorkOnTheRealSuite() throws Exception {
        appItems().noteEditor();
    }

    @Test
    @Order(28)
    void theAdminDoesDayTwoWorkAndTheGatewayCompresses() throws Exception {
        appItems().adminDayTwo();
        appItems().gatewayCompresses();
    }

    private AppItemsStep appItems() {
        return new AppItemsStep(upstream, admin, anonymous, browserEnv(Map.of()));
    }

    @Test
    @Order(21)
    void anAdminPullsAnOllamaModelWithProgressAndAUserChatsWithItInTheBrowser() throws Exception {
        new OllamaChatStep(browserEnv(Map.of()), admin, bob).run();
    }

    @Test
    @Order(30)
    void theGatewayHoldsTwoThousandSocketsAtOnce() throws Exception {
        new ManySocketsStep(suite.gatewayUrl(), 2_000).run(Duration.ofSeconds(90));
    }
}
