package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The Audio page's endpoints under /api/v1/audio: its settings and the speech models and voices it offers. */
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

    @GET
    @Path("/models")
    @RolesAllowed(Roles.VERIFIED)
    public ObjectNode models() {
        return config.models();
    }

    @GET
    @Path("/voices")
    @RolesAllowed(Roles.VERIFIED)
    public ObjectNode voices() {
        return config.voices();
    }
}
