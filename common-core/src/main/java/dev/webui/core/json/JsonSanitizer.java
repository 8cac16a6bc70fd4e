package dev.webui.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes what PostgreSQL cannot store from strings: U+0000 (rejected in text and jsonb) and
 * unpaired UTF-16 surrogates (not encodable as UTF-8; replaced by U+FFFD). Applies to values and
 * object keys at any depth.
 */
public final class JsonSanitizer {
    private JsonSanitizer() {
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean drop = c == '\u0000';
            boolean replace = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replace = true;
            } else if (Character.isLowSurrogate(c)) {
                replace = true;
            }
            if ((drop || replace) && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null && !drop) {
                out.append(replace ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    public static JsonNode clean(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String cleaned = clean(text);
            return cleaned.equals(text) ? node : TextNode.valueOf(cleaned);
        }
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
            boolean keysChanged = entries.stream().anyMatch(e -> !clean(e.getKey()).equals(e.getKey()));
            if (keysChanged) {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                entries.forEach(e -> copy.set(clean(e.getKey()), clean(e.getValue())));
                return copy;
            }
            entries.forEach(e -> object.set(e.getKey(), clean(e.getValue())));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, clean(array.get(i)));
            }
        }
        return node;
    }
}
