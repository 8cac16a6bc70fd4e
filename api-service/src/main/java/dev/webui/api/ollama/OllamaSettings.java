package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiSettings;
import dev.webui.api.json.Bodies;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.EffectiveSetting;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.SettingSource;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ollama connections: a URL list and configs keyed by the URL's index (prefix_id, tags, key,
 * enable, model_ids, connection_type). Unlike OpenAI connections, the key lives in the config.
 */
@ApplicationScoped
public class OllamaSettings {
    private final SettingsStore store;
    private final Config config;

    public OllamaSettings(SettingsStore store, Config config) {
        this.store = store;
        this.config = config;
    }

    /** The URL list; while nobody set it, Open WebUI's single-URL variable OLLAMA_BASE_URL stands in. */
    JsonNode urls() {
        EffectiveSetting urls = store.effective(Settings.OLLAMA_BASE_URLS);
        if (urls.source() == SettingSource.DEFAULT) {
            String single = config.getOptionalValue("OLLAMA_BASE_URL", String.class).orElse("").trim();
            if (!single.isEmpty()) {
                return JsonNodeFactory.instance.arrayNode().add(OpenAiSettings.stripSlash(single));
            }
        }
        return urls.value();
    }

    public boolean enabled() {
        return store.bool(Settings.ENABLE_OLLAMA_API);
    }

    public List<Connection> connections() {
        JsonNode configs = store.get(Settings.OLLAMA_API_CONFIGS);
        List<Connection> list = new ArrayList<>();
        int i = 0;
        for (JsonNode url : urls()) {
            String base = OpenAiSettings.stripSlash(url.asText("").trim());
            JsonNode config = configs.path(Integer.toString(i));
            if (!config.isObject()) {
                config = configs.path(base); // very old installs keyed configs by URL
            }
            ObjectNode copy = config.isObject() ? ((ObjectNode) config).deepCopy() : JsonNodeFactory.instance.objectNode();
            list.add(new Connection(i, base, copy.path("key").asText(""), copy));
            i++;
        }
        return list;
    }

    /** The connection at {@code index}, or 404 with a detail. */
    public Connection connection(int index) {
        List<Connection> all = connections();
        if (index < 0 || index >= all.size()) {
            throw ApiException.notFound("No Ollama connection with index " + index);
        }
        return all.get(index);
    }

    public ObjectNode view() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ENABLE_OLLAMA_API", enabled());
        node.set("OLLAMA_BASE_URLS", urls());
        node.set("OLLAMA_API_CONFIGS", store.get(Settings.OLLAMA_API_CONFIGS));
        return node;
    }

    /** Saves the form; configs of indexes beyond the URL list are dropped, as v0.6.32 does. */
    public Uni<ObjectNode> update(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        JsonNode enable = body.get("ENABLE_OLLAMA_API");
        if (enable != null && !enable.isNull()) {
            if (!enable.isBoolean()) {
                throw ApiException.badRequest("Invalid value for 'ENABLE_OLLAMA_API': expected true or false");
            }
            values.put(Settings.ENABLE_OLLAMA_API, BooleanNode.valueOf(enable.booleanValue()));
        }
        JsonNode urls = body.get("OLLAMA_BASE_URLS");
        if (urls == null || !urls.isArray()) {
            throw ApiException.badRequest("Invalid value for 'OLLAMA_BASE_URLS': expected a list of URLs");
        }
        ArrayNode urlNode = JsonNodeFactory.instance.arrayNode();
        for (JsonNode url : urls) {
            if (!url.isTextual()) {
                throw ApiException.badRequest("Invalid value for 'OLLAMA_BASE_URLS': expected a list of URLs");
            }
            urlNode.add(OpenAiSettings.stripSlash(url.textValue().trim()));
        }
        JsonNode configs = body.get("OLLAMA_API_CONFIGS");
        if (configs != null && !configs.isNull() && !configs.isObject()) {
            throw ApiException.badRequest("Invalid value for 'OLLAMA_API_CONFIGS': expected an object");
        }
        ObjectNode configNode = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < urlNode.size(); i++) {
            JsonNode config = configs == null ? null : configs.get(Integer.toString(i));
            if (config != null && config.isObject()) {
                configNode.set(Integer.toString(i), config);
            }
        }
        values.put(Settings.OLLAMA_BASE_URLS, urlNode);
        values.put(Settings.OLLAMA_API_CONFIGS, configNode);
        return store.save(values).replaceWith(this::view);
    }
}
