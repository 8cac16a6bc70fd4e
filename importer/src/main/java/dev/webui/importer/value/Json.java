package dev.webui.importer.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as Open WebUI wrote it (Python's json module): parsed order-preserving, with exact
 * decimals, accepting NaN/Infinity; cleaned of what jsonb rejects.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {
    }

    /** Parses text; throws on malformed input. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * Removes U+0000 from every string and object key and turns NaN/Infinity into null, in place
     * where possible; returns the cleaned node (a new one when the root itself changes). Sets
     * {@code flags[0]} when U+0000 was removed and {@code flags[1]} when a non-finite number was.
     */
    public static JsonNode clean(JsonNode node, boolean[] flags) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.indexOf('\0') >= 0) {
                flags[0] = true;
                return TextNode.valueOf(Text.stripNul(s));
            }
            return node;
        }
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                flags[1] = true;
                return NullNode.getInstance();
            }
            return node;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode cleaned = clean(child, flags);
                if (cleaned != child) {
                    array.set(i, cleaned);
                }
            }
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean keyHasNul = false;
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                if (it.next().indexOf('\0') >= 0) {
                    keyHasNul = true;
                    break;
                }
            }
            if (keyHasNul) {
                flags[0] = true;
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
                object.fields().forEachRemaining(entries::add);
                object.removeAll();
                for (Map.Entry<String, JsonNode> e : entries) {
                    object.set(Text.stripNul(e.getKey()), e.getValue());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode cleaned = clean(e.getValue(), flags);
                if (cleaned != e.getValue()) {
                    e.setValue(cleaned);
                }
            }
            return object;
        }
        return node;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
        }
    }
}
