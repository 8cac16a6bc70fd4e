package dev.webui.api.code;

import java.util.regex.Pattern;

/**
 * The {@code output} attribute of a code interpreter block as Open WebUI writes it: the output as
 * Python's {@code json.dumps} prints it (ASCII only, {@code ", "} and {@code ": "} separators),
 * then HTML-escaped, so the stock UI can unescape and {@code JSON.parse} it. Inline images
 * (data URLs) are replaced by a short note: they are not stored as files here, and their base64
 * would otherwise go to the model.
 */
final class OutputAttribute {
    private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^.*data:image/[\\w.+-]+;base64,\\S*.*$");

    private OutputAttribute() {
    }

    static String of(CodeOutput output) {
        String json = "{\"stdout\": " + quote(withoutImages(output.stdout()))
                + ", \"stderr\": " + quote(output.stderr())
                + ", \"result\": " + quote(withoutImages(output.result())) + "}";
        return escapeHtml(json);
    }

    static String withoutImages(String text) {
        return IMAGE_LINE.matcher(text).replaceAll(match -> "[image output of " + match.group().length()
                + " characters, not stored]");
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#x27;");
    }
}
