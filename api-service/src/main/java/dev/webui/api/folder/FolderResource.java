package dev.webui.api.folder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /api/v1/folders. */
@Path("/api/v1/folders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class FolderResource {
    private final FolderService folders;
    private final SecurityIdentity identity;

    public FolderResource(FolderService folders, SecurityIdentity identity) {
        this.folders = folders;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @GET
    @Path("/")
    public Uni<List<FolderResponse>> list() {
        return folders.list(user());
    }

    @POST
    @Path("/")
    public Uni<FolderResponse> create(JsonNode body) {
        return folders.create(user(), body);
    }

    @GET
    @Path("/{id}")
    public Uni<FolderResponse> get(@PathParam("id") String id) {
        return folders.get(user(), id);
    }

    @POST
    @Path("/{id}/update")
    public Uni<FolderResponse> update(@PathParam("id") String id, JsonNode body) {
        return folders.update(user(), id, body);
    }

    @POST
    @Path("/{id}/update/parent")
    public Uni<FolderResponse> move(@PathParam("id") String id, JsonNode body) {
        return folders.move(user(), id, body);
    }

    @POST
    @Path("/{id}/update/expanded")
    public Uni<FolderResponse> expanded(@PathParam("id") String id, JsonNode body) {
        return folders.setExpanded(user(), id, body);
    }

    @POST
    @Path("/{id}/update/items")
    public Uni<FolderResponse> items(@PathParam("id") String id, JsonNode body) {
        return folders.setItems(user(), id, body);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return folders.delete(user(), id);
    }
}
