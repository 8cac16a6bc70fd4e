package dev.webui.api.prompt;

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

/** /api/v1/prompts. */
@Path("/api/v1/prompts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class PromptResource {
    private final PromptService prompts;
    private final SecurityIdentity identity;

    public PromptResource(PromptService prompts, SecurityIdentity identity) {
        this.prompts = prompts;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @GET
    @Path("/")
    public Uni<List<Prompt>> readable() {
        return prompts.readable(user());
    }

    @GET
    @Path("/list")
    public Uni<List<Prompt>> writable() {
        return prompts.writable(user());
    }

    @POST
    @Path("/create")
    public Uni<Prompt> create(JsonNode body) {
        return prompts.create(user(), body);
    }

    @GET
    @Path("/command/{command}")
    public Uni<Prompt> get(@PathParam("command") String command) {
        return prompts.get(user(), command);
    }

    @POST
    @Path("/command/{command}/update")
    public Uni<Prompt> update(@PathParam("command") String command, JsonNode body) {
        return prompts.update(user(), command, body);
    }

    @DELETE
    @Path("/command/{command}/delete")
    public Uni<Boolean> delete(@PathParam("command") String command) {
        return prompts.delete(user(), command);
    }
}
