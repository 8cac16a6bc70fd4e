package dev.webui.api.tool;

import io.smallrye.mutiny.Uni;

import java.util.List;

/** A kind of tool (OpenAPI servers, MCP servers...): a CDI bean that {@link ToolCatalog} asks in turn. */
public interface ToolSource {
    /**
     * The functions of the ids this source serves; ids it does not know are not its business, and
     * ids the user may not use, or whose server is down, give no function (logged, never thrown).
     */
    Uni<List<ToolFunction>> functions(ToolRequest request);
}
