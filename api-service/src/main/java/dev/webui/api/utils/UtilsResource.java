package dev.webui.api.utils;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.app.AppConfig;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * /api/v1/utils: Gravatar URL, Markdown to HTML, and the two admin downloads that cannot exist
 * here (the database is PostgreSQL, not a SQLite file; there is no bundled LiteLLM), refused with
 * Open WebUI's own answers. Code execution and formatting live elsewhere.
 */
@Path("/api/v1/utils")
@Produces(MediaType.APPLICATION_JSON)
public class UtilsResource {
    static final String DB_NOT_SQLITE = "This feature is only available when running with SQLite databases.";

    private final AppConfig app;

    public UtilsResource(AppConfig app) {
        this.app = app;
    }

    /** The Gravatar image of an address (SHA-256 of the trimmed, lower-cased address; "mystery person" fallback), as a JSON string. */
    @GET
    @Path("/gravatar")
    @RolesAllowed(Roles.VERIFIED)
    public String gravatar(@QueryParam("email") String email) {
        if (email == null) {
            throw ApiException.badRequest("'email' is required");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "\"https://www.gravatar.com/avatar/" + HexFormat.of().formatHex(hash) + "?d=mp\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @POST
    @Path("/markdown")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VERIFIED)
    public Map<String, String> markdown(JsonNode body) {
        JsonNode md = body == null ? null : body.get("md");
        if (md == null || !md.isTextual()) {
            throw ApiException.badRequest("'md' must be a text");
        }
        return Map.of("html", Markdown.html(md.textValue()));
    }

    @GET
    @Path("/db/download")
    @RolesAllowed(Roles.ADMIN)
    public void downloadDatabase() {
        if (!app.enableAdminExport()) {
            throw new ApiException(401, "You do not have permission to access this resource. Please ask your administrator for access.");
        }
        throw ApiException.badRequest(DB_NOT_SQLITE);
    }

    @GET
    @Path("/litellm/config")
    @RolesAllowed(Roles.ADMIN)
    public void liteLlmConfig() {
        throw ApiException.notFound("There is no bundled LiteLLM here, so no LiteLLM configuration file exists");
    }
}
