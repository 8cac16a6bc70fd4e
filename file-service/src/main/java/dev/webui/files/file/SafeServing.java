package dev.webui.files.file;

import java.util.Locale;
import java.util.Set;

/**
 * How stored bytes are served without letting an upload run script in our origin: the type we
 * detected (never the client's), inline only for types a browser renders passively, everything
 * else as an attachment, always with nosniff and a sandboxing CSP.
 */
public final class SafeServing {
    public static final String CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";
    /** For pages framed by the chat: scripts run, in a sandbox with an opaque origin (no allow-same-origin). */
    public static final String PAGE_CSP = "sandbox allow-scripts allow-downloads";
    private static final Set<String> INLINE = Set.of("application/pdf", "text/plain", "image/png", "image/jpeg",
            "image/gif", "image/webp", "image/bmp", "image/avif");

    private SafeServing() {
    }

    public static String contentType(String stored) {
        String type = stored == null || stored.isBlank() ? "application/octet-stream" : stored.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim();
        if (!type.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")) {
            return "application/octet-stream";
        }
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }

    public static boolean inline(String contentType) {
        String base = contentType.split(";")[0];
        return INLINE.contains(base) || base.startsWith("audio/") || base.startsWith("video/");
    }
}
