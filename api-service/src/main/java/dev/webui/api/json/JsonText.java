package dev.webui.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.core.json.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * jsonb text and Jackson trees ({@link JsonColumns}) with the service's configured ObjectMapper,
 * and answer bodies written once.
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
        return JsonColumns.read(mapper, text);
    }

    /** UTF-8 bytes of an answer body that is written once and sent many times. */
    public byte[] bytes(Object node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    /** Text for a jsonb parameter, NUL-free; null and JSON null become SQL NULL. */
    public String write(JsonNode node) {
        return JsonColumns.write(mapper, node);
    }

    public JsonNode valueToTree(Object value) {
        return mapper.valueToTree(value);
    }
}
