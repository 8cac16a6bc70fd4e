package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** GET /api/v1/pipelines/list: the connections that are Pipelines servers (the Pipelines page's first call). */
@Path("/api/v1/pipelines")
@RolesAllowed(Roles.ADMIN)
public class PipelinesResource {
    private final PipelineServers servers;

    public PipelinesResource(PipelineServers servers) {
        this.servers = servers;
    }

    @GET
    @Path("/list")
    public Uni<ObjectNode> list() {
        return servers.list();
    }
}
