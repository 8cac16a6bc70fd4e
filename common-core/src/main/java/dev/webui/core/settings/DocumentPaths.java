package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Values at Open WebUI's dotted paths of the settings document ({@code ui.enable_signup} is {@code data.ui.enable_signup}). */
public final class DocumentPaths {
    private DocumentPaths() {
    }

    /** The value at the path, or null when any step is missing. A stored JSON null counts as set. */
    public static JsonNode get(JsonNode document, String path) {
        JsonNode node = document;
        for (String step : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /** Sets the value at the path, replacing any non-object on the way by an object. */
    public static void set(ObjectNode document, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        ObjectNode node = document;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode child = node.get(steps[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(steps[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(steps[steps.length - 1], value);
    }

    /** Deep-merges {@code patch} into the object at the path: objects merge key by key, anything else replaces. */
    public static void merge(ObjectNode document, String path, ObjectNode patch) {
        JsonNode existing = get(document, path);
        if (!(existing instanceof ObjectNode target)) {
            set(document, path, patch.deepCopy());
            return;
        }
        deepMerge(target, patch);
    }

    /** Merges {@code patch} into {@code target}: objects key by key, anything else replaces. */
    public static void deepMerge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode currentObject && field.getValue() instanceof ObjectNode patchObject) {
                deepMerge(currentObject, patchObject);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }
}
