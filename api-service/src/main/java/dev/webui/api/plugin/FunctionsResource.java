package dev.webui.api.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * /api/v1/functions: the Functions admin page (filters, pipes and actions imported from Open
 * WebUI). As in v0.6.32 everything but the list and a user's own valves is for admins. The rows
 * can be toggled, deleted and keep their valves; their Python code never runs here, so creating,
 * importing, syncing or changing code answers 400.
 */
@Path("/api/v1/functions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class FunctionsResource {
    private static final String NOT_FOUND = "Function not found";

    private final PluginRepository plugins;
    private final SecurityIdentity identity;

    public FunctionsResource(PluginRepository plugins, SecurityIdentity identity) {
        this.plugins = plugins;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<List<PluginFunction>> functions() {
        return plugins.functions();
    }

    @GET
    @Path("/export")
    public Uni<List<FunctionModel>> export(@QueryParam("include_valves") @DefaultValue("false") boolean includeValves) {
        return plugins.functionModels(includeValves);
    }

    @POST
    @Path("/create")
    public Uni<FunctionModel> create(JsonNode body) {
        throw PythonPlugins.refused();
    }

    @POST
    @Path("/load/url")
    public Uni<JsonNode> loadFromUrl(JsonNode body) {
        throw PythonPlugins.refused();
    }

    @POST
    @Path("/sync")
    public Uni<JsonNode> sync(JsonNode body) {
        throw PythonPlugins.refused();
    }

    @GET
    @Path("/id/{id}")
    public Uni<FunctionModel> function(@PathParam("id") String id) {
        return existing(id);
    }

    @POST
    @Path("/id/{id}/toggle")
    public Uni<FunctionModel> toggle(@PathParam("id") String id) {
        return plugins.toggle(id, false).map(FunctionsResource::found);
    }

    @POST
    @Path("/id/{id}/toggle/global")
    public Uni<FunctionModel> toggleGlobal(@PathParam("id") String id) {
        return plugins.toggle(id, true).map(FunctionsResource::found);
    }

    @POST
    @Path("/id/{id}/update")
    public Uni<FunctionModel> update(@PathParam("id") String id, JsonNode body) {
        return existing(id).map(function -> {
            throw PythonPlugins.refused();
        });
    }

    @DELETE
    @Path("/id/{id}/delete")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return existing(id).chain(function -> plugins.delete(PluginTable.FUNCTION, id));
    }

    @GET
    @Path("/id/{id}/valves")
    public Uni<JsonNode> valves(@PathParam("id") String id) {
        return plugins.valves(PluginTable.FUNCTION, id).map(FunctionsResource::found);
    }

    /** The valves' JSON schema comes from the function's Python class, which is never loaded here: none. */
    @GET
    @Path("/id/{id}/valves/spec")
    public Uni<JsonNode> valvesSpec(@PathParam("id") String id) {
        return existing(id).replaceWith(NullNode.getInstance());
    }

    @POST
    @Path("/id/{id}/valves/update")
    public Uni<JsonNode> updateValves(@PathParam("id") String id, JsonNode body) {
        JsonNode valves = Valves.of(body);
        return existing(id).chain(function -> plugins.saveValves(PluginTable.FUNCTION, id, valves));
    }

    @GET
    @Path("/id/{id}/valves/user")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> userValves(@PathParam("id") String id) {
        return existing(id).chain(function -> plugins.userValves(PluginTable.FUNCTION, id, AuthenticatedUser.of(identity).id()));
    }

    @GET
    @Path("/id/{id}/valves/user/spec")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> userValvesSpec(@PathParam("id") String id) {
        return existing(id).replaceWith(NullNode.getInstance());
    }

    @POST
    @Path("/id/{id}/valves/user/update")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> updateUserValves(@PathParam("id") String id, JsonNode body) {
        JsonNode valves = Valves.of(body);
        return existing(id).chain(function -> plugins.saveUserValves(PluginTable.FUNCTION, id, AuthenticatedUser.of(identity).id(), valves));
    }

    private Uni<FunctionModel> existing(String id) {
        return plugins.function(id).map(FunctionsResource::found);
    }

    private static <T> T found(T value) {
        if (value == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return value;
    }
}
