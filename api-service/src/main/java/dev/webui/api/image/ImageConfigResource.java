package dev.webui.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The Images page's endpoints under /api/v1/images: engine settings, the URL check, generation defaults and the model list. */
@Path("/api/v1/images")
@RolesAllowed(Roles.ADMIN)
public class ImageConfigResource {
    private final ImageConfig config;
    private final ImageModels models;

    public ImageConfigResource(ImageConfig config, ImageModels models) {
        this.config = config;
        this.models = models;
    }

    @GET
    @Path("/config")
    public ObjectNode config() {
        return config.view();
    }

    @POST
    @Path("/config/update")
    public Uni<ObjectNode> update(JsonNode body) {
        return config.update(body);
    }

    @GET
    @Path("/config/url/verify")
    public Uni<Boolean> verify() {
        return models.verify();
    }

    @GET
    @Path("/image/config")
    public ObjectNode generation() {
        return config.generation();
    }

    @POST
    @Path("/image/config/update")
    public Uni<ObjectNode> updateGeneration(JsonNode body) {
        return config.updateGeneration(body);
    }

    @GET
    @Path("/models")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ArrayNode> models() {
        return models.list();
    }
}
