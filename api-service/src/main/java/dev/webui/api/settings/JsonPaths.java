package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading and writing values at dotted paths of the settings document. */
final class JsonPaths {
    private JsonPaths() {
    }

    /** The value at the path, or null when any segment is missing. A stored JSON null counts as set. */
    static JsonNode get(JsonNode document, String[] segments) {
        JsonNode node = document;
        for (String segment : segments) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node;
    }

    static void set(ObjectNode document, String[] segments, JsonNode value) {
        ObjectNode node = document;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(segments[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(segments[segments.length - 1], value);
    }
}
