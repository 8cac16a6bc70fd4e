package dev.webui.api.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAI connection settings: URL and key lists of equal length plus configs keyed by string index. */
@ApplicationScoped
public class OpenAiSettings {
    private final SettingsStore store;

    public OpenAiSettings(SettingsStore store) {
        this.store = store;
    }

    public boolean enabled() {
        return store.bool(Settings.ENABLE_OPENAI_API);
    }

    public List<Connection> connections() {
        List<String> urls = texts(store.get(Settings.OPENAI_API_BASE_URLS));
        List<String> keys = texts(store.get(Settings.OPENAI_API_KEYS));
        JsonNode configs = store.get(Settings.OPENAI_API_CONFIGS);
        List<Connection> list = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = stripSlash(urls.get(i));
            JsonNode config = configs.path(Integer.toString(i));
            if (!config.isObject()) {
                config = configs.path(url); // very old installs keyed configs by URL
            }
            list.add(new Connection(i, url, i < keys.size() ? keys.get(i) : "",
                    config.isObject() ? config : JsonNodeFactory.instance.objectNode()));
        }
        return list;
    }

    /** The admin view: {ENABLE_OPENAI_API, OPENAI_API_BASE_URLS, OPENAI_API_KEYS, OPENAI_API_CONFIGS}. */
    public ObjectNode view() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        List<Connection> connections = connections();
        node.put("ENABLE_OPENAI_API", enabled());
        ArrayNode urls = node.putArray("OPENAI_API_BASE_URLS");
        ArrayNode keys = node.putArray("OPENAI_API_KEYS");
        ObjectNode configs = node.putObject("OPENAI_API_CONFIGS");
        for (Connection c : connections) {
            urls.add(c.baseUrl());
            keys.add(c.key());
            if (!c.config().isEmpty()) {
                configs.set(Integer.toString(c.index()), c.config());
            }
        }
        return node;
    }

    public Uni<ObjectNode> update(JsonNode body) {
        Bodies.require(body);
        JsonNode enable = body.get("ENABLE_OPENAI_API");
        if (enable != null && !enable.isBoolean() && !enable.isNull()) {
            throw ApiException.badRequest("Invalid value for 'ENABLE_OPENAI_API': expected true or false");
        }
        List<String> urls = textList(body, "OPENAI_API_BASE_URLS");
        List<String> keys = textList(body, "OPENAI_API_KEYS");
        JsonNode configs = Bodies.objectOrNull(body, "OPENAI_API_CONFIGS");
        ArrayNode urlNode = JsonNodeFactory.instance.arrayNode();
        ArrayNode keyNode = JsonNodeFactory.instance.arrayNode();
        ObjectNode configNode = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < urls.size(); i++) {
            urlNode.add(stripSlash(urls.get(i).trim()));
            keyNode.add(i < keys.size() ? keys.get(i).trim() : "");
            JsonNode config = configs == null ? null : configs.get(Integer.toString(i));
            if (config != null && config.isObject()) {
                configNode.set(Integer.toString(i), config);
            }
        }
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        if (enable != null && enable.isBoolean()) {
            values.put(Settings.ENABLE_OPENAI_API, BooleanNode.valueOf(enable.booleanValue()));
        }
        values.put(Settings.OPENAI_API_BASE_URLS, urlNode);
        values.put(Settings.OPENAI_API_KEYS, keyNode);
        values.put(Settings.OPENAI_API_CONFIGS, configNode);
        return store.save(values).replaceWith(this::view);
    }

    private static List<String> textList(JsonNode body, String field) {
        JsonNode value = body.get(field);
        List<String> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (!value.isArray()) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected a list of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("Invalid value for '" + field + "': expected a list of strings");
            }
            list.add(item.textValue());
        }
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText("")));
        return list;
    }

    public static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
