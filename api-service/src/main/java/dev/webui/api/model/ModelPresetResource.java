package dev.webui.api.model;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Base64;
import java.util.List;

/** /api/v1/models/ (with the slash): model presets. Ids go in ?id= because they may contain '/'. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class ModelPresetResource {
    private final ModelPresetService presets;
    private final SecurityIdentity identity;

    public ModelPresetResource(ModelPresetService presets, SecurityIdentity identity) {
        this.presets = presets;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @GET
    @Path("/")
    public Uni<List<ModelPreset>> list() {
        return presets.list(user());
    }

    @GET
    @Path("/base")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ModelPreset>> base() {
        return presets.base();
    }

    @POST
    @Path("/create")
    public Uni<ModelPreset> create(JsonNode body) {
        return presets.create(user(), body);
    }

    @GET
    @Path("/model")
    public Uni<ModelPreset> get(@QueryParam("id") String id) {
        return presets.get(user(), id);
    }

    @POST
    @Path("/model/update")
    public Uni<ModelPreset> update(@QueryParam("id") String id, JsonNode body) {
        return presets.update(user(), id, body);
    }

    @POST
    @Path("/model/toggle")
    public Uni<ModelPreset> toggle(@QueryParam("id") String id) {
        return presets.toggle(user(), id);
    }

    @DELETE
    @Path("/model/delete")
    public Uni<Boolean> delete(@QueryParam("id") String id) {
        return presets.delete(user(), id);
    }

    @DELETE
    @Path("/delete/all")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> deleteAll() {
        return presets.deleteAll();
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> importAll(JsonNode body) {
        return presets.importAll(user(), body, false).replaceWith(true);
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ModelPreset>> export() {
        return presets.list(user());
    }

    @POST
    @Path("/sync")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ModelPreset>> sync(JsonNode body) {
        return presets.importAll(user(), body, true);
    }

    /** The preset's picture: a data: URL is decoded, an http(s) URL redirected to, anything else is the favicon. */
    @GET
    @Path("/model/profile/image")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> image(@QueryParam("id") String id) {
        return presets.get(user(), id).map(p -> {
            String url = p.meta() == null ? "" : p.meta().path("profile_image_url").asText("");
            if (url.startsWith("data:") && url.contains(";base64,")) {
                int comma = url.indexOf(',');
                try {
                    byte[] bytes = Base64.getDecoder().decode(url.substring(comma + 1));
                    return Response.ok(bytes, url.substring(5, url.indexOf(';'))).build();
                } catch (IllegalArgumentException e) {
                    return Response.seeOther(URI.create("/static/favicon.png")).build();
                }
            }
            if (url.startsWith("http://") || url.startsWith("https://")) {
                return Response.seeOther(URI.create(url)).build();
            }
            return Response.seeOther(URI.create("/static/favicon.png")).build();
        });
    }
}
