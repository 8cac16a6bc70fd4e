package dev.webui.auth.ldap;

import dev.webui.auth.session.SessionService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** POST /api/v1/auths/ldap: SessionUser and cookie, like password sign-in. */
@Path("/api/v1/auths/ldap")
public class LdapResource {
    private final LdapSignIn ldap;
    private final SessionService sessions;

    public LdapResource(LdapSignIn ldap, SessionService sessions) {
        this.ldap = ldap;
        this.sessions = sessions;
    }

    @POST
    @PermitAll
    public Uni<Response> signIn(LdapForm form, @Context HttpServerRequest request) {
        return ldap.signIn(form, request.remoteAddress().hostAddress()).chain(sessions::start);
    }
}
