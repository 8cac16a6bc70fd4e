package dev.webui.api.settings;

import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.api.json.Bodies;
import dev.webui.api.toolserver.ToolServerVerifier;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/v1/configs: banners, prompt suggestions, default models and order, connection switches, code execution, tool servers, import/export. */
@Path("/api/v1/configs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfigsResource {
    private static final List<String> ENGINES = List.of("pyodide", "jupyter");
    private static final SettingsForm CODE_EXECUTION = new SettingsForm(List.of(Settings.ENABLE_CODE_EXECUTION,
            Settings.CODE_EXECUTION_ENGINE, Settings.CODE_EXECUTION_JUPYTER_URL, Settings.CODE_EXECUTION_JUPYTER_AUTH,
            Settings.CODE_EXECUTION_JUPYTER_AUTH_TOKEN, Settings.CODE_EXECUTION_JUPYTER_AUTH_PASSWORD,
            Settings.CODE_EXECUTION_JUPYTER_TIMEOUT, Settings.ENABLE_CODE_INTERPRETER, Settings.CODE_INTERPRETER_ENGINE,
            Settings.CODE_INTERPRETER_PROMPT_TEMPLATE, Settings.CODE_INTERPRETER_JUPYTER_URL,
            Settings.CODE_INTERPRETER_JUPYTER_AUTH, Settings.CODE_INTERPRETER_JUPYTER_AUTH_TOKEN,
            Settings.CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD, Settings.CODE_INTERPRETER_JUPYTER_TIMEOUT),
            Map.of(Settings.CODE_EXECUTION_ENGINE, ENGINES, Settings.CODE_INTERPRETER_ENGINE, ENGINES));
    private static final List<String> TOOL_SERVER_TYPES = List.of("openapi", "mcp");

    private final SettingsStore store;
    private final ToolServerVerifier toolServers;

    public ConfigsResource(SettingsStore store, ToolServerVerifier toolServers) {
        this.store = store;
        this.toolServers = toolServers;
    }

    @GET
    @Path("/banners")
    @RolesAllowed(Roles.VERIFIED)
    public JsonNode banners() {
        return store.get(Settings.BANNERS);
    }

    @POST
    @Path("/banners")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> saveBanners(JsonNode body) {
        ArrayNode banners = arrayOfObjects(Bodies.require(body), "banners");
        return store.save(Map.of(Settings.BANNERS, banners)).replaceWith(banners);
    }

    @POST
    @Path("/suggestions")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> saveSuggestions(JsonNode body) {
        ArrayNode suggestions = arrayOfObjects(Bodies.require(body), "suggestions");
        return store.save(Map.of(Settings.PROMPT_SUGGESTIONS, suggestions)).replaceWith(suggestions);
    }

    @GET
    @Path("/models")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode models() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("DEFAULT_MODELS", store.get(Settings.DEFAULT_MODELS));
        node.set("MODEL_ORDER_LIST", store.get(Settings.MODEL_ORDER_LIST));
        return node;
    }

    @POST
    @Path("/models")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> saveModels(JsonNode body) {
        Bodies.require(body);
        String defaults = Bodies.textOrNull(body, "DEFAULT_MODELS");
        JsonNode order = body.get("MODEL_ORDER_LIST");
        if (order != null && !order.isNull() && !(order.isArray() && allText(order))) {
            throw ApiException.badRequest("Invalid value for 'MODEL_ORDER_LIST': expected a list of model ids");
        }
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        values.put(Settings.DEFAULT_MODELS, defaults == null ? NullNode.instance : TextNode.valueOf(defaults));
        values.put(Settings.MODEL_ORDER_LIST, order == null || order.isNull() ? JsonNodeFactory.instance.arrayNode() : order);
        return store.save(values).replaceWith(this::models);
    }

    @GET
    @Path("/connections")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode connections() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("ENABLE_DIRECT_CONNECTIONS", store.get(Settings.ENABLE_DIRECT_CONNECTIONS));
        node.set("ENABLE_BASE_MODELS_CACHE", store.get(Settings.ENABLE_BASE_MODELS_CACHE));
        return node;
    }

    @POST
    @Path("/connections")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> saveConnections(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        values.put(Settings.ENABLE_DIRECT_CONNECTIONS, bool(body, "ENABLE_DIRECT_CONNECTIONS"));
        values.put(Settings.ENABLE_BASE_MODELS_CACHE, bool(body, "ENABLE_BASE_MODELS_CACHE"));
        return store.save(values).replaceWith(this::connections);
    }

    @GET
    @Path("/code_execution")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode codeExecution() {
        return CODE_EXECUTION.view(store);
    }

    @POST
    @Path("/code_execution")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> saveCodeExecution(JsonNode body) {
        return store.save(CODE_EXECUTION.read(Bodies.require(body))).replaceWith(this::codeExecution);
    }

    @GET
    @Path("/tool_servers")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode toolServers() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("TOOL_SERVER_CONNECTIONS", store.get(Settings.TOOL_SERVER_CONNECTIONS));
        return node;
    }

    @POST
    @Path("/tool_servers/verify")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> verifyToolServer(JsonNode connection, @HeaderParam("Authorization") String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        return toolServers.verify(connection, token);
    }

    @POST
    @Path("/tool_servers")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> saveToolServers(JsonNode body) {
        ArrayNode connections = arrayOfObjects(Bodies.require(body), "TOOL_SERVER_CONNECTIONS");
        for (JsonNode connection : connections) {
            if (!connection.path("url").isTextual() || connection.get("url").asText().isBlank()) {
                throw ApiException.badRequest("Invalid value for 'TOOL_SERVER_CONNECTIONS': every connection needs a 'url'");
            }
            if (connection.has("type") && !TOOL_SERVER_TYPES.contains(connection.get("type").asText())) {
                throw ApiException.badRequest("Invalid value for 'TOOL_SERVER_CONNECTIONS': 'type' must be openapi or mcp");
            }
            if (connection.has("config") && !connection.get("config").isObject() && !connection.get("config").isNull()) {
                throw ApiException.badRequest("Invalid value for 'TOOL_SERVER_CONNECTIONS': 'config' must be an object");
            }
        }
        return store.save(Map.of(Settings.TOOL_SERVER_CONNECTIONS, connections)).replaceWith(this::toolServers);
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode export() {
        return store.document();
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> importConfig(JsonNode body) {
        JsonNode config = Bodies.objectOrNull(Bodies.require(body), "config");
        if (config == null) {
            throw ApiException.badRequest("'config' is required");
        }
        return store.replace((ObjectNode) config).replaceWith(store::document);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static BooleanNode bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected true or false");
        }
        return BooleanNode.valueOf(value.booleanValue());
    }

    private static ArrayNode arrayOfObjects(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected a list");
        }
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw ApiException.badRequest("Invalid value for '" + field + "': every entry must be an object");
            }
        }
        return (ArrayNode) value;
    }
}
