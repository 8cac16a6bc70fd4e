package dev.webui.api.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;

/** One function a model may call in a chat, from a tool server (OpenAPI or MCP). */
public interface ToolFunction {
    /** The name the model sees; unique among the functions of one completion. */
    String name();

    /** The OpenAI function definition: {@code {"name", "description", "parameters": <JSON schema>}}. */
    ObjectNode spec();

    /** The tool id the function came from, as the stock UI names it ({@code server:0}, {@code server:mcp:<id>}). */
    String toolId();

    /**
     * Calls the function. Never fails: an unreachable server, a refusal or a timeout becomes an
     * error result whose text the model can read.
     */
    Uni<ToolResult> call(ObjectNode arguments, ToolCall call);
}
