package dev.webui.api.note;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.chat.Paging;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /api/v1/notes. */
@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class NoteResource {
    private final NoteService notes;
    private final SecurityIdentity identity;

    public NoteResource(NoteService notes, SecurityIdentity identity) {
        this.notes = notes;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @GET
    @Path("/")
    public Uni<List<Note>> list() {
        return notes.readable(user());
    }

    @GET
    @Path("/list")
    public Uni<List<Note>> page(@QueryParam("page") String page) {
        Paging paging = Paging.parse(page == null ? "1" : page, NoteService.PAGE_SIZE);
        return notes.page(user(), paging.page());
    }

    @POST
    @Path("/create")
    public Uni<Note> create(JsonNode body) {
        return notes.create(user(), body);
    }

    @GET
    @Path("/{id}")
    public Uni<Note> get(@PathParam("id") String id) {
        return notes.get(user(), id);
    }

    @POST
    @Path("/{id}/update")
    public Uni<Note> update(@PathParam("id") String id, JsonNode body) {
        return notes.update(user(), id, body);
    }

    @DELETE
    @Path("/{id}/delete")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return notes.delete(user(), id);
    }
}
