package dev.webui.auth.trusted;

import dev.webui.auth.account.AccountService;
import dev.webui.auth.config.AuthConfig;
import dev.webui.auth.user.User;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sign-in behind an authenticating proxy: with WEBUI_AUTH_TRUSTED_EMAIL_HEADER set, the proxy's
 * header names the account (created on first sight, named from WEBUI_AUTH_TRUSTED_NAME_HEADER).
 * The proxy must strip these headers from client requests; this service cannot tell them apart.
 */
@ApplicationScoped
public class TrustedHeaderSignIn {
    private final AuthConfig config;
    private final AccountService accounts;

    public TrustedHeaderSignIn(AuthConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    public boolean enabled() {
        return config.trustedEmailHeader().filter(h -> !h.isBlank()).isPresent();
    }

    public Uni<User> signIn(HttpHeaders headers) {
        String email = headers.getHeaderString(config.trustedEmailHeader().orElseThrow());
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("The trusted e-mail header is missing from this request.");
        }
        String name = config.trustedNameHeader().map(headers::getHeaderString).orElse(null);
        return accounts.findOrCreateExternal(email, name);
    }
}
