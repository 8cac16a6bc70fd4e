package dev.webui.common.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPayloadsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WebhookEvent SIGNUP = new WebhookEvent("signup", "New user signed up: Ada",
            Map.of("action", "signup", "message", "New user signed up: Ada", "user", "{\"id\":\"u1\",\"name\":\"Ada\",\"role\":\"pending\"}"));

    private static Object payload(String url, WebhookEvent event) {
        return WebhookPayloads.of(URI.create(url), "Team WebUI", event, MAPPER);
    }

    @Test
    void slackAndGoogleChatGetText() {
        assertEquals(Map.of("text", "New user signed up: Ada"), payload("https://hooks.slack.com/services/T/B/X", SIGNUP));
        assertEquals(Map.of("text", "New user signed up: Ada"), payload("https://chat.googleapis.com/v1/spaces/A/messages?key=k", SIGNUP));
    }

    @Test
    void discordGetsContentCutToItsLimit() {
        assertEquals(Map.of("content", "New user signed up: Ada"), payload("https://discord.com/api/webhooks/1/abc", SIGNUP));
        WebhookEvent longOne = new WebhookEvent("chat", "x".repeat(5000), Map.of());
        String content = (String) ((Map<?, ?>) payload("https://discord.com/api/webhooks/1/abc", longOne)).get("content");
        assertEquals(WebhookPayloads.DISCORD_LIMIT, content.length());
        assertTrue(content.endsWith("... (truncated)"));
    }

    @Test
    void teamsGetsACardWithTheNewAccountsFields() throws Exception {
        String json = MAPPER.writeValueAsString(payload("https://contoso.webhook.office.com/webhookb2/abc", SIGNUP));
        var card = MAPPER.readTree(json);
        assertEquals("MessageCard", card.path("@type").asText());
        assertEquals("New user signed up: Ada", card.path("summary").asText());
        var section = card.path("sections").path(0);
        assertEquals("Team WebUI - signup", section.path("activitySubtitle").asText());
        List<String> facts = new java.util.ArrayList<>();
        section.path("facts").forEach(f -> facts.add(f.path("name").asText() + "=" + f.path("value").asText()));
        assertEquals(List.of("id=u1", "name=Ada", "role=pending"), facts);
    }

    @Test
    void anyOtherEndpointGetsTheFieldsAsTheyAre() {
        WebhookEvent chat = new WebhookEvent("chat", "T - /c/1\n\nHi", Map.of("action", "chat", "message", "Hi", "title", "T", "url", "/c/1"));
        assertEquals(chat.fields(), payload("https://ntfy.example.org/topic", chat));
        // a look-alike host is not Slack
        assertEquals(SIGNUP.fields(), payload("https://hooks.slack.com.example.org/x", SIGNUP));
    }
}
