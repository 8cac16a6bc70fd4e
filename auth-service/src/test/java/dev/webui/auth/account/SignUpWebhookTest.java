package dev.webui.auth.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import dev.webui.auth.Api;
import dev.webui.common.settings.SettingsReader;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.core.settings.Settings;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.webui.auth.Api.PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin's webhook hears of sign-ups, with the account as Open WebUI sends it and nothing secret. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SignUpWebhookTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer hook;

    @Inject
    SettingsReader settings;

    @BeforeEach
    void listen() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            received.add(MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        Api.admin();
        settings.save(Map.of(Settings.WEBHOOK_URL, TextNode.valueOf("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook")))
                .await().atMost(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        settings.save(Map.of(Settings.WEBHOOK_URL, TextNode.valueOf(""))).await().atMost(Duration.ofSeconds(10));
        hook.stop(0);
    }

    @Test
    void aSignUpIsPostedWithTheAccountAndAnAddedUserIsNot() throws Exception {
        String email = "hooked-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.signUp("Zoe Webhook", email, PASSWORD).then().statusCode(200);
        await("the sign-up webhook").atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        JsonNode post = received.get(0);
        assertEquals("signup", post.path("action").asText());
        assertEquals("New user signed up: Zoe Webhook", post.path("message").asText());
        assertTrue(post.path("user").isTextual(), "the account is a JSON string, as in Open WebUI: " + post);
        JsonNode user = MAPPER.readTree(post.path("user").asText());
        assertEquals(email, user.path("email").asText());
        assertEquals("pending", user.path("role").asText());
        String text = post.toString().toLowerCase();
        assertFalse(text.contains("password") || text.contains("api_key") || text.contains("$2") || text.contains("argon"), text);

        Api.as(Api.admin().token()).body(Map.of("name", "Added By Admin", "email", "added-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com", "password", PASSWORD, "role", "user")).post("/api/v1/auths/add").then().statusCode(200);
        Api.signUp("Second Signup", "second-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", PASSWORD).then().statusCode(200);
        await("the second sign-up").atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertEquals(List.of("New user signed up: Zoe Webhook", "New user signed up: Second Signup"),
                received.stream().map(r -> r.path("message").asText()).toList(), "the added account is not announced");
    }

    @Test
    void withoutAWebhookUrlNothingIsPosted() {
        settings.save(Map.of(Settings.WEBHOOK_URL, TextNode.valueOf(""))).await().atMost(Duration.ofSeconds(10));
        Api.signUp("Quiet One", "quiet-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", PASSWORD).then().statusCode(200);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(received::isEmpty);
    }
}
