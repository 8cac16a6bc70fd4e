package dev.webui.api.tool.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One entry of TOOL_SERVER_CONNECTIONS, read the way Open WebUI v0.6.32 reads it.
 *
 * @param index         its position in the list
 * @param id            {@code info.id}, or the position as text when an OpenAPI server has none
 * @param type          {@code openapi} or {@code mcp}
 * @param authType      {@code none}, {@code bearer}, {@code session}, or an OAuth kind we do not serve
 * @param accessControl {@code config.access_control} (null: every verified user)
 * @param fingerprint   the entry as JSON text: a change of any field gives a new fingerprint
 */
public record ToolServerConnection(int index, String id, String type, String url, String path, String authType, String key,
                                   boolean enabled, JsonNode accessControl, String name, String description, String specType,
                                   String spec, String fingerprint) {
    public static final String OPENAPI = "openapi";
    public static final String MCP = "mcp";

    public static ToolServerConnection of(int index, JsonNode entry) {
        String type = entry.path("type").asText(OPENAPI);
        JsonNode info = entry.path("info");
        String id = text(info, "id");
        if (id == null && OPENAPI.equals(type)) {
            id = Integer.toString(index);
        }
        JsonNode config = entry.path("config");
        JsonNode access = config.get("access_control");
        return new ToolServerConnection(index, id, type, entry.path("url").asText("").trim(),
                entry.path("path").asText(""), entry.path("auth_type").asText(MCP.equals(type) ? "none" : "bearer"),
                entry.path("key").asText(""), config.path("enable").asBoolean(false),
                access == null || access.isNull() ? null : access, text(info, "name"), text(info, "description"),
                entry.path("spec_type").asText("url"), entry.path("spec").asText(""), entry.toString());
    }

    /** The tool id the stock UI sends in {@code tool_ids}: {@code server:<id>} or {@code server:mcp:<id>}. */
    public String toolId() {
        return MCP.equals(type) ? "server:mcp:" + id : "server:" + id;
    }

    /** Whether we can authenticate to the server: OAuth kinds need per-user sign-ins this suite does not run. */
    public boolean authSupported() {
        return switch (authType) {
            case "none", "bearer", "session" -> true;
            default -> false;
        };
    }

    /**
     * The Authorization header to send: the key for {@code bearer}, the caller's own header for
     * {@code session}, nothing for {@code none}.
     */
    public Optional<String> authorization(String callerAuthorization) {
        return switch (authType) {
            case "bearer" -> Optional.of("Bearer " + key);
            case "session" -> Optional.ofNullable(callerAuthorization).filter(h -> !h.isBlank());
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }
}
