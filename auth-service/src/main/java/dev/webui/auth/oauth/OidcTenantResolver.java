package dev.webui.auth.oauth;

import dev.webui.auth.config.OAuthConfig;
import dev.webui.common.config.CoreConfig;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The OIDC tenant behind /oauth/oidc/*, built from Open WebUI's variables: authorization code flow
 * with PKCE, ID token checked for issuer and audience (our client id) by quarkus-oidc. The state
 * and PKCE verifier travel in a cookie encrypted with a key derived from WEBUI_SECRET_KEY, so the
 * callback may land on any replica. Every other path gets no tenant: our own tokens stay the only
 * credentials there.
 */
@ApplicationScoped
public class OidcTenantResolver implements TenantConfigResolver {
    public static final String PATH = "/oauth/oidc/";
    public static final String TENANT = "oidc";
    static final String CALLBACK = "/oauth/oidc/login/callback";
    private static final String DISCOVERY = "/.well-known/openid-configuration";

    private final OidcTenantConfig tenant;

    public OidcTenantResolver(OAuthConfig config, CoreConfig core) {
        this.tenant = configured(config) ? build(config, core.webuiSecretKey().orElseThrow()) : null;
    }

    public static boolean configured(OAuthConfig config) {
        return config.clientId().filter(s -> !s.isBlank()).isPresent() && config.providerUrl().filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        return Uni.createFrom().item(tenant != null && context.normalizedPath().startsWith(PATH) ? tenant : null);
    }

    private static OidcTenantConfig build(OAuthConfig config, String secret) {
        String url = config.providerUrl().orElseThrow().trim();
        String issuer = url.endsWith(DISCOVERY) ? url.substring(0, url.length() - DISCOVERY.length()) : url;
        String[] scopes = Arrays.stream(config.scopes().trim().split("[\\s,]+")).filter(s -> !s.isBlank() && !s.equals("openid"))
                .toArray(String[]::new);
        return OidcTenantConfig.builder()
                .tenantId(TENANT)
                .authServerUrl(issuer)
                .clientId(config.clientId().orElseThrow())
                .credentials(config.clientSecret().orElse(""))
                .applicationType(io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.WEB_APP)
                .authentication()
                    .redirectPath(CALLBACK)
                    .restorePathAfterRedirect(false)
                    .removeRedirectParameters(true)
                    .pkceRequired(true)
                    .stateSecret(derive(secret))
                    .scopes(scopes)
                    .javaScriptAutoRedirect(false)
                    .end()
                .build();
    }

    private static String derive(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("oidc-state:" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
