package dev.webui.api.toolserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * POST /api/v1/configs/oauth/clients/register: in Open WebUI, Admin > External Tools registers
 * itself as an OAuth 2.1 client of an MCP server (dynamic client registration) before users sign
 * in to that server one by one. This suite runs no per-user OAuth sessions with tool servers
 * (docs/tools.md), so the registration is refused with a 400 the admin page shows, as Open WebUI
 * shows its own registration failures.
 */
@Path("/api/v1/configs/oauth/clients")
public class OAuthClientRegistrationResource {
    static final String REFUSAL = "OAuth 2.1 tool servers are not supported on this server: "
            + "use the auth type Bearer (the server's key) or Session (the user's own token) instead";

    @POST
    @Path("/register")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode register(JsonNode form) {
        throw ApiException.badRequest(REFUSAL);
    }
}
