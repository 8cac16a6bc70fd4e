package dev.webui.common.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body each kind of endpoint understands: Slack and Google Chat take {@code text}, Discord
 * {@code content} (at most 2,000 characters), Microsoft Teams a message card; anything else gets
 * the event's fields as they are.
 */
final class WebhookPayloads {
    static final int DISCORD_LIMIT = 2000;
    private static final String CUT = "... (truncated)";

    private WebhookPayloads() {
    }

    static Object of(URI url, String sender, WebhookEvent event, ObjectMapper mapper) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        if (host.equals("hooks.slack.com") || host.equals("chat.googleapis.com")) {
            return Map.of("text", event.text());
        }
        if ((host.equals("discord.com") || host.equals("discordapp.com")) && path.startsWith("/api/webhooks")) {
            String text = event.text();
            return Map.of("content", text.length() <= DISCORD_LIMIT ? text : text.substring(0, DISCORD_LIMIT - CUT.length()) + CUT);
        }
        if (host.endsWith(".webhook.office.com") || host.equals("webhook.office.com")) {
            return teamsCard(sender, event, mapper);
        }
        return event.fields();
    }

    private static Map<String, Object> teamsCard(String sender, WebhookEvent event, ObjectMapper mapper) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("activityTitle", event.text());
        section.put("activitySubtitle", sender + " - " + event.action());
        section.put("facts", facts(event, mapper));
        section.put("markdown", true);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("@type", "MessageCard");
        card.put("@context", "http://schema.org/extensions");
        card.put("themeColor", "0076D7");
        card.put("summary", event.text());
        card.put("sections", List.of(section));
        return card;
    }

    /** The new account's fields for a sign-up; otherwise the event's own fields except the long message. */
    private static List<Map<String, String>> facts(WebhookEvent event, ObjectMapper mapper) {
        List<Map<String, String>> facts = new ArrayList<>();
        Object user = event.fields().get("user");
        if (user instanceof String json) {
            try {
                mapper.readTree(json).fields().forEachRemaining(e -> facts.add(fact(e.getKey(), e.getValue())));
                return facts;
            } catch (Exception e) {
                // not JSON: shown below as it is
            }
        }
        event.fields().forEach((name, value) -> {
            if (!name.equals("message") && value != null) {
                facts.add(Map.of("name", name, "value", String.valueOf(value)));
            }
        });
        return facts;
    }

    private static Map<String, String> fact(String name, JsonNode value) {
        return Map.of("name", name, "value", value.isValueNode() ? value.asText() : value.toString());
    }
}
