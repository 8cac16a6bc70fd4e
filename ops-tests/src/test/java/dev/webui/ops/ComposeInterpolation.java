package dev.webui.ops;

import java.util.Map;

/**
 * Docker Compose's variable interpolation (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
 * nested defaults, $$ for a literal $), to see the values a file yields for a given .env.
 */
final class ComposeInterpolation {
    private ComposeInterpolation() {
    }

    static String apply(String text, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                out.append(expression(text.substring(i + 2, end), env));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String expression(String expr, Map<String, String> env) {
        int op = 0;
        while (op < expr.length() && (Character.isLetterOrDigit(expr.charAt(op)) || expr.charAt(op) == '_')) {
            op++;
        }
        String name = expr.substring(0, op);
        String value = env.get(name);
        String rest = expr.substring(op);
        if (rest.isEmpty()) {
            return value == null ? "" : value;
        }
        if (rest.startsWith(":-")) {
            return value == null || value.isEmpty() ? apply(rest.substring(2), env) : value;
        }
        if (rest.startsWith("-")) {
            return value == null ? apply(rest.substring(1), env) : value;
        }
        if (rest.startsWith(":?")) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(name + ": " + rest.substring(2));
            }
            return value;
        }
        throw new IllegalArgumentException("unsupported interpolation ${" + expr + "}");
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + text);
    }
}
