package dev.webui.common.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token (JWT or sk- API key) taken from the Authorization header or the token cookie. */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;
    private final String path;

    public TokenAuthenticationRequest(String token, String path) {
        this.token = token;
        this.path = path;
    }

    public String token() {
        return token;
    }

    public String path() {
        return path;
    }
}
