package dev.webui.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Converts between jsonb text (columns are read as {@code col::text} and written as
 * {@code $n::text::jsonb}) and Jackson trees. Writes go through {@link JsonSanitizer} because
 * PostgreSQL rejects U+0000 in jsonb.
 */
@ApplicationScoped
public class JsonText {
    private final ObjectMapper mapper;

    public JsonText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses stored jsonb text; SQL NULL and JSON null both become null. */
    public JsonNode read(String text) {
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

    /** UTF-8 bytes of an answer body that is written once and sent many times. */
    public byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    /** Text for a jsonb parameter, NUL-free; null and JSON null become SQL NULL. */
    public String write(JsonNode node) {
        if (node == null || node instanceof NullNode || node.isMissingNode()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(JsonSanitizer.clean(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    public JsonNode valueToTree(Object value) {
        return mapper.valueToTree(value);
    }
}
