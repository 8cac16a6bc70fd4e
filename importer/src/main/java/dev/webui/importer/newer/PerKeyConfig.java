package dev.webui.importer.newer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.importer.report.TableReport;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.value.Json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open WebUI 0.10+ keeps its settings as one {@code config} row per dotted key; the suite, like
 * 0.6.32, keeps one document. Rebuilds the document with the keys renamed back
 * (`web.*` back to `rag.web.*`, the `oauth.*` and `rag.*` renames, see docs/importer.md).
 */
public final class PerKeyConfig {
    /** 0.10 key prefix → 0.6.32 key prefix, longest first. */
    private static final Map<String, String> RENAMES = Map.ofEntries(
            Map.entry("web.", "rag.web."),
            Map.entry("oauth.picture_claim", "oauth.oidc.avatar_claim"),
            Map.entry("oauth.timeout", "oauth.oidc.oauth_timeout"),
            Map.entry("oauth.client_id", "oauth.oidc.client_id"),
            Map.entry("oauth.client_secret", "oauth.oidc.client_secret"),
            Map.entry("oauth.provider_url", "oauth.oidc.provider_url"),
            Map.entry("oauth.provider_name", "oauth.oidc.provider_name"),
            Map.entry("oauth.scopes", "oauth.oidc.scopes"),
            Map.entry("oauth.redirect_uri", "oauth.oidc.redirect_uri"),
            Map.entry("oauth.username_claim", "oauth.oidc.username_claim"),
            Map.entry("oauth.email_claim", "oauth.oidc.email_claim"),
            Map.entry("oauth.refresh_token.include_scope", "oauth.refresh_token_include_scope"),
            Map.entry("rag.openai.api_base_url", "rag.openai_api_base_url"),
            Map.entry("rag.openai.api_key", "rag.openai_api_key"),
            Map.entry("rag.ollama.base_url", "rag.ollama.url"),
            Map.entry("rag.ollama.api_key", "rag.ollama.key"),
            Map.entry("ui.enable_login_form", "ui.ENABLE_LOGIN_FORM"));

    private PerKeyConfig() {
    }

    /** The document, or null when the per-key table has no rows. */
    public static ObjectNode rebuild(SourceDatabase source, TableReport report) throws Exception {
        Map<String, JsonNode> values = new TreeMap<>();
        source.stream("config", List.of("key"), row -> {
            Object key = row.get("key");
            if (key == null) {
                return;
            }
            JsonNode value;
            try {
                value = row.get("value") == null ? null : Json.clean(Json.parse(row.get("value").toString()), new boolean[2]);
            } catch (Exception e) {
                report.repair("config value unreadable, kept as text", key.toString());
                value = JsonNodeFactory.instance.textNode(row.get("value").toString());
            }
            values.put(rename(key.toString()), value);
        });
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        // shorter keys first (TreeMap order puts "a" before "a.b"): a value at a prefix wins over the longer key
        values.forEach((key, value) -> {
            String[] parts = key.split("\\.");
            ObjectNode node = document;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = node.get(parts[i]);
                if (child == null) {
                    child = node.putObject(parts[i]);
                } else if (!(child instanceof ObjectNode)) {
                    report.repair("config key " + key + " under a key that holds a value, dropped", key);
                    return;
                }
                node = (ObjectNode) child;
            }
            String last = parts[parts.length - 1];
            if (node.get(last) instanceof ObjectNode existing && value instanceof ObjectNode incoming) {
                incoming.fields().forEachRemaining(e -> existing.set(e.getKey(), e.getValue()));
            } else {
                node.set(last, value);
            }
        });
        return document;
    }

    static String rename(String key) {
        String best = null;
        for (String prefix : RENAMES.keySet()) {
            if ((key.equals(prefix) || key.startsWith(prefix.endsWith(".") ? prefix : prefix + "."))
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? key : RENAMES.get(best) + key.substring(best.length());
    }
}
