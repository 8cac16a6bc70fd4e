package dev.webui.auth.settings;

import dev.webui.auth.account.Inputs;
import dev.webui.common.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.Map;

/** The admin's sign-in settings (/api/v1/auths/admin/config). */
@Path("/api/v1/auths/admin/config")
@RolesAllowed(Roles.ADMIN)
public class AdminConfigResource {
    private final AuthSettingsService settings;

    public AdminConfigResource(AuthSettingsService settings) {
        this.settings = settings;
    }

    @GET
    public Uni<Map<String, Object>> get() {
        return settings.current().map(AuthSettings::adminConfig);
    }

    @POST
    public Uni<Map<String, Object>> update(Map<String, Object> body) {
        return settings.update(Inputs.required(body)).map(AuthSettings::adminConfig);
    }
}
