package dev.webui.api.connection;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One model server connection: its index in the URL list, key and per-connection config. An
 * OpenAI-compatible one unless {@code ollama}: then completions go to Ollama's native
 * {@code /api/chat} (docs/ollama.md, "Completions").
 */
public record Connection(int index, String baseUrl, String key, JsonNode config, boolean ollama) {
    public Connection(int index, String baseUrl, String key, JsonNode config) {
        this(index, baseUrl, key, config, false);
    }

    public boolean enabled() {
        return config.path("enable").asBoolean(true);
    }

    public String prefixId() {
        String prefix = config.path("prefix_id").asText("");
        return prefix.isBlank() ? null : prefix.trim();
    }

    public String connectionType() {
        return config.path("connection_type").asText("external");
    }

    public boolean sendsKey() {
        String auth = config.path("auth_type").asText("bearer");
        return auth.equals("bearer") && key != null && !key.isBlank();
    }

    /** Model ids configured by the admin; when present they replace the upstream list. */
    public List<String> modelIds() {
        List<String> ids = new ArrayList<>();
        config.path("model_ids").forEach(id -> {
            if (id.isTextual() && !id.textValue().isBlank()) {
                ids.add(id.textValue());
            }
        });
        return ids;
    }

    public JsonNode tags() {
        return config.path("tags").isArray() ? config.get("tags") : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
}
