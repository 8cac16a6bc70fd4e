package dev.webui.api.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /ollama: what the stock UI's admin and about pages call. There is no Ollama proxy: the settings
 * round-trip, model lists are empty and the version is {@code false} (the UI's "not connected").
 */
@Path("/ollama")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OllamaResource {
    private final SettingsStore store;

    public OllamaResource(SettingsStore store) {
        this.store = store;
    }

    @GET
    @Path("/config")
    @RolesAllowed(Roles.ADMIN)
    public ObjectNode config() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("ENABLE_OLLAMA_API", store.get(Settings.ENABLE_OLLAMA_API));
        node.set("OLLAMA_BASE_URLS", store.get(Settings.OLLAMA_BASE_URLS));
        node.set("OLLAMA_API_CONFIGS", store.get(Settings.OLLAMA_API_CONFIGS));
        return node;
    }

    @POST
    @Path("/config/update")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> update(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        put(values, body, "ENABLE_OLLAMA_API", Settings.ENABLE_OLLAMA_API, JsonNode::isBoolean);
        put(values, body, "OLLAMA_BASE_URLS", Settings.OLLAMA_BASE_URLS, JsonNode::isArray);
        put(values, body, "OLLAMA_API_CONFIGS", Settings.OLLAMA_API_CONFIGS, JsonNode::isObject);
        return store.save(values).replaceWith(this::config);
    }

    @GET
    @Path("/api/version")
    @RolesAllowed(Roles.VERIFIED)
    public Map<String, Object> version() {
        return Map.of("version", false);
    }

    @GET
    @Path("/api/tags")
    @RolesAllowed(Roles.VERIFIED)
    public Map<String, Object> tags() {
        return Map.of("models", java.util.List.of());
    }

    @GET
    @Path("/urls")
    @RolesAllowed(Roles.ADMIN)
    public ObjectNode urls() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("OLLAMA_BASE_URLS", store.get(Settings.OLLAMA_BASE_URLS));
        return node;
    }

    private static void put(Map<Setting, JsonNode> values, JsonNode body, String field, Setting setting,
                            java.util.function.Predicate<JsonNode> valid) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!valid.test(value)) {
            throw ApiException.badRequest("Invalid value for '" + field + "'");
        }
        values.put(setting, value);
    }
}
