package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import dev.webui.api.chat.TestSql;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.support.Channels;
import dev.webui.api.support.Chats;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.core.settings.Settings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.webui.api.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Users' own webhooks (ui.notifications.webhook_url): a finished answer and a channel message reach
 * the webhook of a user with no socket open, never one who is connected, and nothing is sent while
 * ENABLE_USER_WEBHOOKS is off. Also the admin's URL (/api/webhook), checked before it is kept.
 */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class WebhooksTest extends CompletionTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer hook;

    @Inject
    SettingsStore settings;

    @Override
    Map<String, Object> presetParams() {
        return Map.of();
    }

    @BeforeEach
    void listen() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", exchange -> {
            received.add(((ObjectNode) MAPPER.readTree(exchange.getRequestBody().readAllBytes()))
                    .put("path", exchange.getRequestURI().getPath()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        save(Settings.WEBUI_URL, TextNode.valueOf("https://chat.example.org/"));
    }

    @AfterEach
    void stop() {
        hook.stop(0);
        redis.set(String.class).srem(keys.bridgeUsers(), user.id(), other.id()).await().atMost(Duration.ofSeconds(5));
        save(Settings.ENABLE_USER_WEBHOOKS, BooleanNode.TRUE);
    }

    private void save(dev.webui.core.settings.Setting setting, JsonNode value) {
        settings.save(Map.of(setting, value)).await().atMost(Duration.ofSeconds(10));
    }

    private void webhookOf(TestUser who, String path) {
        TestSql.strings("UPDATE \"user\" SET settings = jsonb_build_object('ui', jsonb_build_object('notifications', "
                + "jsonb_build_object('webhook_url', ?::text))) WHERE id = ? RETURNING id", "http://127.0.0.1:" + hook.getAddress().getPort() + path, who.id());
    }

    private String answer(String chatId) {
        as(user).body(requestBody("helper", "Plan my trip", chatId, true)).post("/api/chat/completions").then().statusCode(200);
        JsonNode done = tap.awaitEvent(chatId, "m1", EmitTap::isDone).stream().filter(EmitTap::isDone).findFirst().orElseThrow();
        return done.path("data").path("data").path("content").asText();
    }

    private void nothingArrives() {
        await("no webhook").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(received::isEmpty);
    }

    @Test
    void theAdminsWebhookUrlIsCheckedAndKept() {
        as(user).body(Map.of("url", "https://hooks.example.org/a")).post("/api/webhook").then().statusCode(401);
        for (String bad : List.of("ftp://hooks.example.org/a", "hooks.example.org/a", "javascript:alert(1)")) {
            as(admin).body(Map.of("url", bad)).post("/api/webhook").then().statusCode(400)
                    .body("detail", containsString("http:// or https://"));
        }
        as(admin).body(Map.of("url", " https://hooks.example.org/a ")).post("/api/webhook").then().statusCode(200)
                .body("url", equalTo("https://hooks.example.org/a"));
        as(admin).get("/api/webhook").then().statusCode(200).body("url", equalTo("https://hooks.example.org/a"));
        as(admin).body(Map.of("url", "")).post("/api/webhook").then().statusCode(200).body("url", equalTo(""));
    }

    @Test
    void anAnswerReachesTheWebhookOfAUserWhoIsAway() {
        webhookOf(user, "/ada");
        String chatId = Chats.create(user, "Trip plans", 2);
        String text = answer(chatId);
        await("the chat webhook").atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        JsonNode post = received.get(0);
        assertEquals("/ada", post.path("path").asText());
        assertEquals("chat", post.path("action").asText());
        assertEquals("Trip plans", post.path("title").asText());
        assertEquals("https://chat.example.org/c/" + chatId, post.path("url").asText());
        assertTrue(!text.isBlank() && text.equals(post.path("message").asText()), post + " vs " + text);
    }

    @Test
    void aConnectedUserOrSwitchedOffWebhooksGetNothing() {
        webhookOf(user, "/ada");
        redis.set(String.class).sadd(keys.bridgeUsers(), user.id()).await().atMost(Duration.ofSeconds(5));
        answer(Chats.create(user, "While here", 2));
        nothingArrives();

        redis.set(String.class).srem(keys.bridgeUsers(), user.id()).await().atMost(Duration.ofSeconds(5));
        save(Settings.ENABLE_USER_WEBHOOKS, BooleanNode.FALSE);
        answer(Chats.create(user, "Switched off", 2));
        nothingArrives();
    }

    @Test
    void aChannelMessageReachesReadersWhoAreAwayButNotTheAuthor() {
        save(Settings.ENABLE_CHANNELS, BooleanNode.TRUE);
        try {
            webhookOf(user, "/reader-away");
            webhookOf(other, "/reader-here");
            webhookOf(admin, "/author");
            redis.set(String.class).sadd(keys.bridgeUsers(), other.id()).await().atMost(Duration.ofSeconds(5));
            String channel = Channels.create(admin, "launch", Map.of(
                    "read", Map.of("user_ids", List.of(user.id(), other.id()), "group_ids", List.of()),
                    "write", Map.of("user_ids", List.of(), "group_ids", List.of())));
            Channels.post(admin, channel, Map.of("content", "We ship on Friday"));
            await("the channel webhook").atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
            JsonNode post = received.get(0);
            assertEquals("/reader-away", post.path("path").asText());
            assertEquals("channel", post.path("action").asText());
            assertEquals("We ship on Friday", post.path("message").asText());
            assertEquals("launch", post.path("title").asText());
            assertEquals("https://chat.example.org/channels/" + channel, post.path("url").asText());
        } finally {
            save(Settings.ENABLE_CHANNELS, BooleanNode.FALSE);
        }
    }
}
