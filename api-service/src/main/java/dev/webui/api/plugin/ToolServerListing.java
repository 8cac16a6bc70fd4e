package dev.webui.api.plugin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.openapi.OpenApiDocument;
import dev.webui.api.tool.openapi.OpenApiSpecs;
import dev.webui.api.tool.server.ToolServerConnection;
import dev.webui.api.tool.server.ToolServers;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool servers a user may use, as entries of the Tools list (v0.6.32 shape): an OpenAPI
 * server appears once its document could be read (named by the entry's {@code info.name}, else
 * the document's title), an MCP server from its entry alone ({@code info.name}, else "MCP Tool Server").
 */
@ApplicationScoped
public class ToolServerListing {
    private final ToolServers servers;
    private final OpenApiSpecs specs;

    public ToolServerListing(ToolServers servers, OpenApiSpecs specs) {
        this.servers = servers;
        this.specs = specs;
    }

    public Uni<List<Tool>> entries(AuthenticatedUser user, String authorization) {
        Uni<List<Tool>> openapi = servers.usable(user, ToolServerConnection.OPENAPI).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<Tool>of());
            }
            List<Uni<Tool>> each = list.stream().map(server -> specs.document(server, authorization)
                    .map(document -> entry(server, name(server, document), description(server, document)))
                    .onFailure().recoverWithNull()).toList();
            return Uni.join().all(each).andCollectFailures().map(tools -> tools.stream().filter(t -> t != null).toList());
        });
        Uni<List<Tool>> mcp = servers.usable(user, ToolServerConnection.MCP).map(list -> list.stream()
                .map(server -> entry(server, server.name() == null ? "MCP Tool Server" : server.name(),
                        server.description() == null ? "" : server.description())).toList());
        return Uni.combine().all().unis(openapi, mcp).with((a, b) -> {
            List<Tool> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    private static String name(ToolServerConnection server, OpenApiDocument document) {
        return server.name() != null ? server.name() : document.title() != null ? document.title() : "Tool Server";
    }

    private static String description(ToolServerConnection server, OpenApiDocument document) {
        return server.description() != null ? server.description() : document.description() != null ? document.description() : "";
    }

    private static Tool entry(ToolServerConnection server, String name, String description) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("description", description);
        long now = Instant.now().getEpochSecond();
        return new Tool(server.toolId(), server.toolId(), name, meta, server.accessControl(), now, now, null, false);
    }
}
