package dev.webui.api.plugin;

import dev.webui.api.access.AccessChecker;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * /api/v1/tools and /api/v1/functions: the lists the chat page loads. Python tools and functions
 * cannot run in this suite, so there are no create/update endpoints; imported rows are listed.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class PluginResource {
    private final PluginRepository plugins;
    private final AccessChecker access;
    private final SecurityIdentity identity;

    public PluginResource(PluginRepository plugins, AccessChecker access, SecurityIdentity identity) {
        this.plugins = plugins;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("/tools/")
    public Uni<List<Tool>> tools() {
        return plugins.tools().chain(all -> access.rights(AuthenticatedUser.of(identity))
                .map(rights -> all.stream().filter(t -> rights.canRead(t.userId(), t.accessControl())).toList()));
    }

    @GET
    @Path("/tools/list")
    public Uni<List<Tool>> writableTools() {
        return plugins.tools().chain(all -> access.rights(AuthenticatedUser.of(identity))
                .map(rights -> all.stream().filter(t -> rights.canWrite(t.userId(), t.accessControl())).toList()));
    }

    @GET
    @Path("/functions/")
    public Uni<List<PluginFunction>> functions() {
        return plugins.functions();
    }
}
