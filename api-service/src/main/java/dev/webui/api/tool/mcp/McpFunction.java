package dev.webui.api.tool.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.ToolCall;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolResult;
import dev.webui.api.tool.server.ToolServerConnection;
import io.modelcontextprotocol.spec.McpError;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

import java.util.Map;

/** One tool of an MCP server, named {@code <server id>_<tool name>} as Open WebUI names it. */
record McpFunction(String name, ObjectNode spec, String toolId, ToolServerConnection server, String tool, McpSessions sessions,
                   ObjectMapper mapper, int maxChars) implements ToolFunction {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public Uni<ToolResult> call(ObjectNode arguments, ToolCall call) {
        Map<String, Object> args = arguments == null ? Map.of() : mapper.convertValue(arguments, MAP);
        return sessions.callTool(server, call.authorization(), tool, args, call.timeout())
                .map(result -> McpResults.of(result, mapper, maxChars))
                .onFailure().recoverWithItem(e -> ToolResult.error(describe(e, call)));
    }

    private String describe(Throwable e, ToolCall call) {
        if (e instanceof TimeoutException) {
            return "The tool " + tool + " did not answer within " + call.timeout().toSeconds() + " seconds.";
        }
        if (e instanceof McpError error) {
            return "The tool " + tool + " failed: " + error.getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return "The tool " + tool + " could not be called: its MCP server at " + server.url() + " failed ("
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ").";
    }
}
