package dev.webui.auth.ldap;

import dev.webui.auth.settings.AuthSetting;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.Map;

/** The admin's LDAP switch and server definition (/auths/admin/config/ldap[/server]). */
@Path("/api/v1/auths/admin/config/ldap")
@RolesAllowed(Roles.ADMIN)
public class LdapAdminResource {
    private final AuthSettingsService settings;
    private final LdapSettingsService servers;

    public LdapAdminResource(AuthSettingsService settings, LdapSettingsService servers) {
        this.settings = settings;
        this.servers = servers;
    }

    @GET
    public Uni<Map<String, Boolean>> enabled() {
        return settings.current().map(s -> Map.of("ENABLE_LDAP", s.flag(AuthSetting.ENABLE_LDAP)));
    }

    @POST
    public Uni<Map<String, Boolean>> setEnabled(Map<String, Object> body) {
        if (body == null || !(body.get("enable_ldap") instanceof Boolean enable)) {
            throw ApiException.badRequest("enable_ldap must be true or false.");
        }
        return settings.set(AuthSetting.ENABLE_LDAP, enable).map(s -> Map.of("ENABLE_LDAP", s.flag(AuthSetting.ENABLE_LDAP)));
    }

    @GET
    @Path("/server")
    public Uni<LdapServer> server() {
        return servers.current();
    }

    @POST
    @Path("/server")
    public Uni<LdapServer> updateServer(LdapServer form) {
        return servers.update(form);
    }
}
