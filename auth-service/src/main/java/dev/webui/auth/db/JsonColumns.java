package dev.webui.auth.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * jsonb columns travel as text ({@code col::text} out, {@code $n::text::jsonb} in: a String bound
 * straight to a jsonb parameter would be stored as a JSON string). A stored JSON
 * {@code null} reads as Java null, and U+0000, which PostgreSQL refuses, is stripped before writing.
 */
public final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    public static JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isNull() ? null : node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable jsonb value", e);
        }
    }

    /** JSON text for a jsonb parameter; null (SQL NULL) for a missing or JSON-null value. */
    public static String write(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(withoutNul(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable JSON value", e);
        }
    }

    public static String stripNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(stripNul(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(stripNul(e.getKey()), withoutNul(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withoutNul(item)));
            return copy;
        }
        return node;
    }
}
