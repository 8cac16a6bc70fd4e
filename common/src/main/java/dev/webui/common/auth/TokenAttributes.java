package dev.webui.common.auth;

import io.quarkus.security.identity.SecurityIdentity;

/** Attributes the token mechanism puts on an identity. */
public final class TokenAttributes {
    /** The raw token the caller presented (needed to revoke it on sign-out). */
    public static final String TOKEN = "webui.token";

    private TokenAttributes() {
    }

    public static String token(SecurityIdentity identity) {
        return identity.getAttribute(TOKEN);
    }

    /** Whether the caller authenticated with an sk- API key rather than a session token. */
    public static boolean isApiKey(SecurityIdentity identity) {
        String token = token(identity);
        return token != null && token.startsWith("sk-");
    }
}
