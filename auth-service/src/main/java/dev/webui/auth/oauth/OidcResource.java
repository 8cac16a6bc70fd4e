package dev.webui.auth.oauth;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * /oauth/oidc/login starts the code flow at the provider; the provider returns to
 * /oauth/oidc/login/callback, where quarkus-oidc checks state, PKCE and the ID token. Either
 * endpoint, once the person is known, issues our token and sends the browser to /auth.
 */
@Path("/oauth/oidc")
@Authenticated // by the code flow: see quarkus.http.auth.permission.oidc in application.properties
public class OidcResource {
    private final OidcSignIn signIn;
    private final SecurityIdentity identity;

    public OidcResource(OidcSignIn signIn, SecurityIdentity identity) {
        this.signIn = signIn;
        this.identity = identity;
    }

    @GET
    @Path("/login")
    public Uni<Response> login() {
        return signIn.complete((JsonWebToken) identity.getPrincipal());
    }

    @GET
    @Path("/login/callback")
    public Uni<Response> callback() {
        return signIn.complete((JsonWebToken) identity.getPrincipal());
    }
}
