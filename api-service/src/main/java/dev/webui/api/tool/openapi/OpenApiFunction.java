package dev.webui.api.tool.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.ToolCall;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolResult;
import dev.webui.api.tool.server.ToolServerConnection;
import io.smallrye.mutiny.Uni;

/** One operation of an OpenAPI tool server, under the name the model sees. */
record OpenApiFunction(String name, ObjectNode spec, String toolId, ToolServerConnection server, OpenApiOperation operation,
                       OpenApiCaller caller) implements ToolFunction {
    @Override
    public Uni<ToolResult> call(ObjectNode arguments, ToolCall call) {
        return caller.call(server, operation, arguments, call);
    }
}
