package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.tool.ToolResult;

/** The citations tools give: added to the answer's sources (saved with it) and shown at once as {@code source} events. */
final class ToolCitations {
    private ToolCitations() {
    }

    static void add(StepContext context, ToolResult result, boolean emit) {
        for (ObjectNode source : result.sources()) {
            context.sources().add(source);
            if (emit) {
                context.events().emit("source", source);
            }
        }
    }
}
