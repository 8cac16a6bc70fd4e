package dev.webui.api.toolserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.app.AppConfig;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.JsonText;
import dev.webui.api.tool.mcp.McpSessions;
import dev.webui.api.tool.server.ToolServerConnection;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Checks an admin's tool-server connection before it is saved (POST /configs/tool_servers/verify):
 * fetches its OpenAPI document the way a chat would, with the connection's key. Every failure is a
 * 400 whose detail names the server and what went wrong, as the admin page shows it. An MCP
 * server is checked by opening a session and listing its tools.
 */
@ApplicationScoped
public class ToolServerVerifier {
    private static final String DEFAULT_PATH = "openapi.json";

    private final HttpClient http;
    private final Duration timeout;
    private final JsonText json;
    private final McpSessions mcp;

    public ToolServerVerifier(AppConfig config, JsonText json, McpSessions mcp) {
        this.mcp = mcp;
        this.timeout = Duration.ofSeconds(Math.max(1, config.modelListTimeout()));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.json = json;
    }

    /** The server's OpenAPI document; {@code callerToken} is sent when the connection asks for the session's token. */
    public Uni<JsonNode> verify(JsonNode connection, String callerToken) {
        if (connection == null || !connection.isObject() || !connection.path("url").isTextual() || connection.get("url").asText().isBlank()) {
            return Uni.createFrom().failure(ApiException.badRequest("A tool server connection needs a 'url'"));
        }
        String type = connection.path("type").asText("openapi");
        if ("mcp".equals(type)) {
            return verifyMcp(connection, callerToken);
        }
        if (!"openapi".equals(type)) {
            return Uni.createFrom().failure(ApiException.badRequest("Unknown tool server type '" + type + "': use openapi or mcp"));
        }
        String address = documentUrl(connection.get("url").asText().trim(), connection.path("path").asText(DEFAULT_PATH));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(address)).timeout(timeout).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.badRequest("Invalid tool server URL: " + address));
        }
        String token = switch (connection.path("auth_type").asText("bearer")) {
            case "session" -> callerToken;
            case "none" -> null;
            default -> connection.path("key").asText("");
        };
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> ApiException.badRequest("Failed to connect to the tool server at " + address + ": " + describe(e)))
                .map(response -> {
                    if (response.statusCode() >= 400) {
                        throw ApiException.badRequest("The tool server at " + address + " answered HTTP " + response.statusCode());
                    }
                    JsonNode document;
                    try {
                        document = json.mapper().readTree(response.body());
                    } catch (Exception e) {
                        document = null;
                    }
                    if (document == null || !document.isObject() || !(document.has("openapi") || document.has("swagger"))) {
                        throw ApiException.badRequest("The tool server at " + address + " did not answer with an OpenAPI document");
                    }
                    return document;
                });
    }

    /** MCP: a session of its own is opened and its tools listed; answers {@code {"status": true, "specs": [...]}} as v0.6.32. */
    private Uni<JsonNode> verifyMcp(JsonNode connection, String callerToken) {
        ToolServerConnection server = ToolServerConnection.of(0, connection);
        if (!server.authSupported()) {
            return Uni.createFrom().failure(ApiException.badRequest("MCP servers with auth type '" + server.authType()
                    + "' are not supported here; use none, bearer or session"));
        }
        String authorization = callerToken == null || callerToken.isBlank() ? null : "Bearer " + callerToken;
        return mcp.probe(server, authorization)
                .onFailure().transform(e -> ApiException.badRequest("Failed to connect to the MCP server at " + server.url() + ": " + describe(e)))
                .map(tools -> {
                    ObjectNode answer = json.mapper().createObjectNode().put("status", true);
                    ArrayNode specs = answer.putArray("specs");
                    tools.forEach(tool -> specs.addObject().put("name", tool.name()).put("description", tool.description())
                            .set("parameters", json.mapper().valueToTree(tool.inputSchema())));
                    return answer;
                });
    }

    public static String documentUrl(String url, String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        String relative = path.isBlank() ? DEFAULT_PATH : path.replaceFirst("^/+", "");
        return url.replaceFirst("/+$", "") + "/" + relative;
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
