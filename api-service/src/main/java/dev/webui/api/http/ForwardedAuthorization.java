package dev.webui.api.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** The credentials file-service must see for a call made as the user: the bearer header, or the session cookie the browser sent instead. */
public final class ForwardedAuthorization {
    private ForwardedAuthorization() {
    }

    public static String of(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            return header;
        }
        Cookie cookie = request.getCookie("token");
        return cookie == null ? null : "Bearer " + cookie.getValue();
    }
}
