package dev.webui.api.tool.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.FunctionNames;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolRequest;
import dev.webui.api.tool.ToolSource;
import dev.webui.api.tool.server.ToolServerConnection;
import dev.webui.api.tool.server.ToolServerId;
import dev.webui.api.tool.server.ToolServers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The functions of the OpenAPI tool servers a completion names ({@code server:<id>}): one per
 * operation with an operationId, named after it. When two servers of one completion have an
 * operation of the same name, the later one is named {@code <server id>_<operationId>}, as
 * Open WebUI does (then {@code _2}, {@code _3}... if that is taken too). Names are made safe for
 * providers by {@link FunctionNames}.
 */
@ApplicationScoped
public class OpenApiToolSource implements ToolSource {
    private static final Logger LOG = Logger.getLogger(OpenApiToolSource.class);

    private final ToolServers servers;
    private final OpenApiSpecs specs;
    private final OpenApiCaller caller;

    public OpenApiToolSource(ToolServers servers, OpenApiSpecs specs, OpenApiCaller caller) {
        this.servers = servers;
        this.specs = specs;
        this.caller = caller;
    }

    @Override
    public Uni<List<ToolFunction>> functions(ToolRequest request) {
        List<ToolServerId> ids = request.toolIds().stream().map(ToolServerId::parse)
                .filter(id -> id != null && ToolServerConnection.OPENAPI.equals(id.type())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return servers.usable(request.user(), ToolServerConnection.OPENAPI).chain(usable -> {
            List<Uni<List<ToolFunction>>> perServer = new ArrayList<>();
            for (ToolServerId id : ids) {
                ToolServerConnection server = usable.stream().filter(s -> s.id().equals(id.serverId())).findFirst().orElse(null);
                if (server == null) {
                    LOG.infof("Tool server %s is unknown, disabled or not open to user %s; it gives no functions",
                            id.serverId(), request.user().id());
                    continue;
                }
                perServer.add(specs.document(server, request.authorization())
                        .map(document -> functionsOf(server, id, document))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("Tool server %s gives no functions: %s", server.toolId(), e.getMessage());
                            return List.of();
                        }));
            }
            if (perServer.isEmpty()) {
                return Uni.createFrom().item(List.<ToolFunction>of());
            }
            return Uni.join().all(perServer).andCollectFailures().map(OpenApiToolSource::uniqueNames);
        });
    }

    private List<ToolFunction> functionsOf(ToolServerConnection server, ToolServerId id, OpenApiDocument document) {
        List<ToolFunction> functions = new ArrayList<>();
        for (OpenApiOperation operation : document.operations()) {
            if (id.keeps(operation.name())) {
                functions.add(new OpenApiFunction(FunctionNames.safe(operation.name()), operation.function().deepCopy(),
                        server.toolId(), server, operation, caller));
            }
        }
        return functions;
    }

    private static List<ToolFunction> uniqueNames(List<List<ToolFunction>> perServer) {
        List<ToolFunction> all = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (List<ToolFunction> functions : perServer) {
            for (ToolFunction function : functions) {
                OpenApiFunction f = (OpenApiFunction) function;
                String name = f.name();
                if (!taken.add(name)) {
                    String prefixed = FunctionNames.safe(f.server().id() + "_" + f.name());
                    name = prefixed;
                    for (int n = 2; !taken.add(name); n++) {
                        name = FunctionNames.safe(prefixed + "_" + n);
                    }
                }
                if (!name.equals(f.name())) {
                    ObjectNode spec = f.spec().deepCopy();
                    spec.put("name", name);
                    f = new OpenApiFunction(name, spec, f.toolId(), f.server(), f.operation(), f.caller());
                }
                all.add(f);
            }
        }
        return all;
    }
}
