package dev.webui.importer.value;

/** Text as PostgreSQL accepts it. */
public final class Text {
    private Text() {
    }

    public static String stripNul(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    /** Cuts to at most {@code max} code points without splitting a surrogate pair. */
    public static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
