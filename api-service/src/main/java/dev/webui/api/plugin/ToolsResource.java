package dev.webui.api.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * /api/v1/tools: the Tools workspace. Imported Python tools are listed, shown, deleted and keep
 * their valves, but their code never runs here: creating, importing or changing code answers 400.
 * The list also carries the tool servers the caller may use ({@code server:<id>}, {@code server:mcp:<id>}).
 * Reading a tool needs read access; deleting it or its valves need write access (owner, writers, admins).
 */
@Path("/api/v1/tools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class ToolsResource {
    private static final String NOT_FOUND = "Tool not found";

    private final PluginRepository plugins;
    private final ToolServerListing servers;
    private final AccessChecker access;
    private final SecurityIdentity identity;

    public ToolsResource(PluginRepository plugins, ToolServerListing servers, AccessChecker access, SecurityIdentity identity) {
        this.plugins = plugins;
        this.servers = servers;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("/")
    public Uni<List<Tool>> tools(@HeaderParam("Authorization") String authorization) {
        AuthenticatedUser user = AuthenticatedUser.of(identity);
        Uni<List<Tool>> imported = plugins.tools().chain(all -> access.rights(user)
                .map(rights -> all.stream().filter(t -> rights.canRead(t.userId(), t.accessControl())).toList()));
        return Uni.combine().all().unis(imported, servers.entries(user, authorization)).with((rows, serverEntries) -> {
            List<Tool> all = new ArrayList<>(rows);
            all.addAll(serverEntries);
            return all;
        });
    }

    @GET
    @Path("/list")
    public Uni<List<Tool>> writableTools() {
        return plugins.tools().chain(all -> access.rights(AuthenticatedUser.of(identity))
                .map(rights -> all.stream().filter(t -> rights.canWrite(t.userId(), t.accessControl())).toList()));
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ToolModel>> export() {
        return plugins.toolModels();
    }

    @POST
    @Path("/create")
    public Uni<ToolModel> create(JsonNode body) {
        throw PythonPlugins.refused();
    }

    @POST
    @Path("/load/url")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> loadFromUrl(JsonNode body) {
        throw PythonPlugins.refused();
    }

    @GET
    @Path("/id/{id}")
    public Uni<ToolModel> tool(@PathParam("id") String id) {
        return plugins.tool(id).chain(tool -> access.requireRead(AuthenticatedUser.of(identity), tool, ToolModel::userId,
                ToolModel::accessControl, NOT_FOUND));
    }

    @POST
    @Path("/id/{id}/update")
    public Uni<ToolModel> update(@PathParam("id") String id, JsonNode body) {
        return writable(id).map(tool -> {
            throw PythonPlugins.refused();
        });
    }

    @DELETE
    @Path("/id/{id}/delete")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return writable(id).chain(tool -> plugins.delete(PluginTable.TOOL, id));
    }

    @GET
    @Path("/id/{id}/valves")
    public Uni<JsonNode> valves(@PathParam("id") String id) {
        return writable(id).chain(tool -> plugins.valves(PluginTable.TOOL, id));
    }

    /** The valves' JSON schema comes from the tool's Python class, which is never loaded here: none. */
    @GET
    @Path("/id/{id}/valves/spec")
    public Uni<JsonNode> valvesSpec(@PathParam("id") String id) {
        return readable(id).replaceWith(NullNode.getInstance());
    }

    @POST
    @Path("/id/{id}/valves/update")
    public Uni<JsonNode> updateValves(@PathParam("id") String id, JsonNode body) {
        JsonNode valves = Valves.of(body);
        return writable(id).chain(tool -> plugins.saveValves(PluginTable.TOOL, id, valves));
    }

    @GET
    @Path("/id/{id}/valves/user")
    public Uni<JsonNode> userValves(@PathParam("id") String id) {
        return readable(id).chain(tool -> plugins.userValves(PluginTable.TOOL, id, AuthenticatedUser.of(identity).id()));
    }

    @GET
    @Path("/id/{id}/valves/user/spec")
    public Uni<JsonNode> userValvesSpec(@PathParam("id") String id) {
        return readable(id).replaceWith(NullNode.getInstance());
    }

    @POST
    @Path("/id/{id}/valves/user/update")
    public Uni<JsonNode> updateUserValves(@PathParam("id") String id, JsonNode body) {
        JsonNode valves = Valves.of(body);
        return readable(id).chain(tool -> plugins.saveUserValves(PluginTable.TOOL, id, AuthenticatedUser.of(identity).id(), valves));
    }

    private Uni<ToolModel> readable(String id) {
        return plugins.tool(id).chain(tool -> access.requireRead(AuthenticatedUser.of(identity), tool, ToolModel::userId,
                ToolModel::accessControl, NOT_FOUND));
    }

    private Uni<ToolModel> writable(String id) {
        return plugins.tool(id).chain(tool -> access.requireWrite(AuthenticatedUser.of(identity), tool, ToolModel::userId,
                ToolModel::accessControl, NOT_FOUND));
    }
}
