package dev.webui.api.tool.server;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tool id that names a tool server, as v0.6.32 parses it: {@code server:<id>} (OpenAPI),
 * {@code server:<type>:<id>} ({@code server:mcp:<id>}, {@code server:openapi:<id>}), optionally
 * followed by {@code |name,name} to keep only those functions.
 *
 * @param functions the functions to keep; empty keeps all
 */
public record ToolServerId(String type, String serverId, Set<String> functions) {
    private static final String PREFIX = "server:";

    /** The parsed id, or null when the id names no tool server. */
    public static ToolServerId parse(String toolId) {
        if (toolId == null || !toolId.startsWith(PREFIX)) {
            return null;
        }
        String rest = toolId.substring(PREFIX.length());
        String type = ToolServerConnection.OPENAPI;
        if (rest.startsWith(ToolServerConnection.MCP + ":")) {
            type = ToolServerConnection.MCP;
            rest = rest.substring(ToolServerConnection.MCP.length() + 1);
        } else if (rest.startsWith(ToolServerConnection.OPENAPI + ":")) {
            rest = rest.substring(ToolServerConnection.OPENAPI.length() + 1);
        }
        Set<String> functions = Set.of();
        int bar = rest.indexOf('|');
        if (bar >= 0) {
            functions = Arrays.stream(rest.substring(bar + 1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            rest = rest.substring(0, bar);
        }
        return rest.isEmpty() ? null : new ToolServerId(type, rest, functions);
    }

    public boolean keeps(String functionName) {
        return functions.isEmpty() || functions.contains(functionName);
    }
}
