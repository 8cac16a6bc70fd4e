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
}
