package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** GET /api/v1/audio/config and POST /config/update: the Audio page's settings. */
@Path("/api/v1/audio")
@RolesAllowed(Roles.ADMIN)
public class AudioConfigResource {
    private final AudioConfig config;

    public AudioConfigResource(AudioConfig config) {
        this.config = config;
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
}
