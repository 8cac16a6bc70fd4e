package dev.webui.api.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a tool call gave back.
 *
 * @param text       what the model reads (a JSON document as text when the server answered JSON)
 * @param structured the structured result when the server gave one (MCP {@code structuredContent}), else null
 * @param sources    citations in the spec's shape ({@code {source, document, metadata}}), possibly empty
 * @param error      whether the call failed; {@code text} then says why, in words the model can pass on
 */
public record ToolResult(String text, JsonNode structured, List<ObjectNode> sources, boolean error) {
    public static ToolResult text(String text) {
        return new ToolResult(text, null, List.of(), false);
    }

    public static ToolResult error(String text) {
        return new ToolResult(text, null, List.of(), true);
    }
}
