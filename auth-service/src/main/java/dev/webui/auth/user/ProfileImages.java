package dev.webui.auth.user;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;

/**
 * Serves a profile picture to an {@code <img>}: stored data: URIs as bytes, http(s) URLs and
 * same-origin paths as redirects, anything else as the default picture. Bytes are served with a
 * CSP that forbids scripts, so an uploaded SVG cannot run code on our origin.
 */
final class ProfileImages {
    private static final String DEFAULT = "/user.png";

    private ProfileImages() {
    }

    static Response serve(String url) {
        if (url != null && url.regionMatches(true, 0, "data:", 0, 5)) {
            Response image = decode(url);
            if (image != null) {
                return image;
            }
        }
        return Response.status(Response.Status.FOUND).location(URI.create(redirectTarget(url))).build();
    }

    private static String redirectTarget(String url) {
        if (url == null) {
            return DEFAULT;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean absolute = lower.startsWith("https://") || lower.startsWith("http://");
        boolean sameOrigin = url.startsWith("/") && !url.startsWith("//");
        try {
            return absolute || sameOrigin ? URI.create(url).toString() : DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    private static Response decode(String url) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String header = url.substring(5, comma);
        if (!header.toLowerCase(Locale.ROOT).endsWith(";base64")) {
            return null;
        }
        String type = header.substring(0, header.length() - 7).toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/")) {
            return null;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(url.substring(comma + 1));
            return Response.ok(bytes, type)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "private, max-age=300")
                    .build();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
