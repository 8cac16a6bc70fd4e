package dev.webui.auth.oauth;

import dev.webui.auth.config.OAuthConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Without OAUTH_CLIENT_ID and OPENID_PROVIDER_URL there is no OIDC tenant, and the code-flow
 * permission on /oauth/oidc/* would answer an empty 401. Say instead what is missing, in the
 * contract's shape, before the security layer runs.
 */
@ApplicationScoped
public class OidcNotConfiguredRoute {
    static final String DETAIL = "OpenID Connect sign-in is not configured on this server "
            + "(an administrator sets OAUTH_CLIENT_ID and OPENID_PROVIDER_URL).";

    void install(@Observes Router router, OAuthConfig config) {
        if (OidcTenantResolver.configured(config)) {
            return;
        }
        router.route(OidcTenantResolver.PATH + "*").order(Integer.MIN_VALUE + 1).handler(context -> context.response()
                .setStatusCode(404)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("detail", DETAIL).encode()));
    }
}
