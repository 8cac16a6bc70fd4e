package dev.webui.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * jsonb columns travel as text ({@code col::text} out, {@code $n::text::jsonb} in: a String bound
 * straight to a jsonb parameter would be stored as a JSON string). A stored JSON {@code null}
 * reads as Java null; before writing, {@link JsonSanitizer} removes what PostgreSQL refuses.
 */
public final class JsonColumns {
    private static final ObjectMapper MAPPER = JsonLimits.constrained(new ObjectMapper());

    private JsonColumns() {
    }

    /** Parses stored jsonb text; SQL NULL and JSON null both become null. */
    public static JsonNode read(String text) {
        return read(MAPPER, text);
    }

    public static JsonNode read(ObjectMapper mapper, String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node == null || node.isNull() ? null : node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }

    /** Text for a jsonb parameter, storable by PostgreSQL; null, JSON null and missing become SQL NULL. */
    public static String write(JsonNode node) {
        return write(MAPPER, node);
    }

    public static String write(ObjectMapper mapper, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(JsonSanitizer.clean(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    /** Text without U+0000, which PostgreSQL refuses in text columns too. */
    public static String stripNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
