package dev.webui.api.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonSanitizer;

/**
 * Valves as saved: the object sent, without its null values (Open WebUI drops them before
 * validating). Without the plugin's Python class there is no schema to check them against.
 */
final class Valves {
    private Valves() {
    }

    static ObjectNode of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Valves must be a JSON object");
        }
        ObjectNode valves = (ObjectNode) JsonSanitizer.clean(body.deepCopy());
        for (var fields = valves.fields(); fields.hasNext(); ) {
            if (fields.next().getValue().isNull()) {
                fields.remove();
            }
        }
        return valves;
    }
}
