package dev.webui.api.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /api/models (also reached as /api/v1/models without a slash, see HttpRoutes) and /api/models/base. */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelListResource {
    private final ModelListService models;
    private final ModelListCache answers;
    private final SecurityIdentity identity;

    public ModelListResource(ModelListService models, ModelListCache answers, SecurityIdentity identity) {
        this.models = models;
        this.answers = answers;
        this.identity = identity;
    }

    /** The JSON bytes, cached per user until what they were built from changes. */
    @GET
    @RolesAllowed(Roles.VERIFIED)
    public Uni<byte[]> list(@QueryParam("refresh") boolean refresh) {
        return answers.visible(AuthenticatedUser.of(identity), refresh);
    }

    @GET
    @Path("/base")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> base(@QueryParam("refresh") boolean refresh) {
        return models.base(refresh);
    }
}
