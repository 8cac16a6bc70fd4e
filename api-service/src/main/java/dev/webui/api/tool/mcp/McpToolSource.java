package dev.webui.api.tool.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.FunctionNames;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolRequest;
import dev.webui.api.tool.ToolSource;
import dev.webui.api.tool.server.ToolServerConfig;
import dev.webui.api.tool.server.ToolServerConnection;
import dev.webui.api.tool.server.ToolServerId;
import dev.webui.api.tool.server.ToolServers;
import io.modelcontextprotocol.spec.McpSchema;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The tools of the MCP servers a completion names ({@code server:mcp:<id>}), listed from the
 * server at each completion (MCP servers may change their tools at any time), each named
 * {@code <server id>_<tool name>} like Open WebUI, made safe by {@link FunctionNames}.
 */
@ApplicationScoped
public class McpToolSource implements ToolSource {
    private static final Logger LOG = Logger.getLogger(McpToolSource.class);

    private final ToolServers servers;
    private final McpSessions sessions;
    private final ObjectMapper mapper;
    private final int maxChars;

    public McpToolSource(ToolServers servers, McpSessions sessions, ObjectMapper mapper, ToolServerConfig config) {
        this.servers = servers;
        this.sessions = sessions;
        this.mapper = mapper;
        this.maxChars = Math.max(1024, config.maxResponseBytes());
    }

    @Override
    public Uni<List<ToolFunction>> functions(ToolRequest request) {
        List<ToolServerId> ids = request.toolIds().stream().map(ToolServerId::parse)
                .filter(id -> id != null && ToolServerConnection.MCP.equals(id.type())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return servers.usable(request.user(), ToolServerConnection.MCP).chain(usable -> {
            List<Uni<List<ToolFunction>>> perServer = new ArrayList<>();
            for (ToolServerId id : ids) {
                ToolServerConnection server = usable.stream().filter(s -> s.id().equals(id.serverId())).findFirst().orElse(null);
                if (server == null) {
                    LOG.infof("MCP server %s is unknown, disabled or not open to user %s; it gives no functions",
                            id.serverId(), request.user().id());
                    continue;
                }
                perServer.add(sessions.listTools(server, request.authorization())
                        .map(tools -> functionsOf(server, id, tools))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("MCP server %s gives no functions: %s", server.toolId(), e.toString());
                            return List.of();
                        }));
            }
            if (perServer.isEmpty()) {
                return Uni.createFrom().item(List.<ToolFunction>of());
            }
            return Uni.join().all(perServer).andCollectFailures()
                    .map(lists -> lists.stream().flatMap(List::stream).toList());
        });
    }

    private List<ToolFunction> functionsOf(ToolServerConnection server, ToolServerId id, List<McpSchema.Tool> tools) {
        List<ToolFunction> functions = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            if (!id.keeps(tool.name())) {
                continue;
            }
            String name = FunctionNames.safe(server.id() + "_" + tool.name());
            ObjectNode spec = mapper.createObjectNode();
            spec.put("name", name);
            spec.put("description", tool.description() == null ? "" : tool.description());
            JsonNode schema = tool.inputSchema() == null ? null : mapper.valueToTree(tool.inputSchema());
            spec.set("parameters", schema != null && schema.isObject() ? schema : mapper.createObjectNode().put("type", "object"));
            functions.add(new McpFunction(name, spec, server.toolId(), server, tool.name(), sessions, mapper, maxChars));
        }
        return functions;
    }
}
