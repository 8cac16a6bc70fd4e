package dev.webui.api.tool.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.tool.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.StringJoiner;

/**
 * An MCP tool result as the model reads it: the text blocks joined by blank lines (images and
 * audio named by their type, other blocks as JSON), the {@code structuredContent} passed through
 * (and used as the text when there is no text block), {@code isError} kept, the text cut at the
 * limit.
 */
final class McpResults {
    private McpResults() {
    }

    static ToolResult of(McpSchema.CallToolResult result, ObjectMapper mapper, int maxChars) {
        StringJoiner text = new StringJoiner("\n\n");
        List<McpSchema.Content> content = result.content() == null ? List.of() : result.content();
        for (McpSchema.Content block : content) {
            if (block instanceof McpSchema.TextContent t) {
                text.add(t.text() == null ? "" : t.text());
            } else if (block instanceof McpSchema.ImageContent image) {
                text.add("[image " + image.mimeType() + "]");
            } else if (block instanceof McpSchema.AudioContent audio) {
                text.add("[audio " + audio.mimeType() + "]");
            } else {
                text.add(mapper.valueToTree(block).toString());
            }
        }
        JsonNode structured = result.structuredContent() == null ? null : mapper.valueToTree(result.structuredContent());
        String body = content.isEmpty() && structured != null ? structured.toString() : text.toString();
        if (body.length() > maxChars) {
            body = body.substring(0, maxChars) + "\n[The answer was cut off after " + maxChars + " characters.]";
        }
        return new ToolResult(body, structured, List.of(), Boolean.TRUE.equals(result.isError()));
    }
}
