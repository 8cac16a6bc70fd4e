package dev.webui.files.file;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Client-supplied file names are display text only: cleaned here, never used in a path. */
public final class FileNames {
    private static final int MAX_CODE_POINTS = 255;

    private FileNames() {
    }

    /** The last path segment, NFC-normalized, without control, format (bidi, zero-width) or NUL characters. */
    public static String clean(String raw) {
        if (raw == null) {
            return "file";
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(cp -> {
            int type = Character.getType(cp);
            return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.SURROGATE && type != Character.PRIVATE_USE;
        }).limit(MAX_CODE_POINTS).forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "file" : cleaned;
    }

    /** Lower-case extension without the dot, or "" when there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A Content-Disposition value with an ASCII fallback and the exact name as RFC 5987 filename*. */
    public static String disposition(String type, String name) {
        String ascii = name.codePoints()
                .map(cp -> cp < 0x20 || cp > 0x7e || cp == '"' || cp == '\\' ? '_' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
