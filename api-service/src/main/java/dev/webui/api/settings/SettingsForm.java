package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.common.error.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of settings an admin page reads and saves as one object keyed by environment names
 * (e.g. /configs/code_execution). Keys left out of a save keep their value; every given value is
 * checked against the setting's type before anything is written.
 */
final class SettingsForm {
    private final List<Setting> fields;
    private final Map<Setting, List<String>> choices;

    SettingsForm(List<Setting> fields, Map<Setting, List<String>> choices) {
        this.fields = fields;
        this.choices = choices;
    }

    ObjectNode view(SettingsStore store) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach(setting -> node.set(setting.env(), store.get(setting)));
        return node;
    }

    Map<Setting, JsonNode> read(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("The body must be an object of settings");
        }
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        for (Setting setting : fields) {
            JsonNode value = body.get(setting.env());
            if (value != null) {
                values.put(setting, checked(setting, value));
            }
        }
        return values;
    }

    private JsonNode checked(Setting setting, JsonNode value) {
        String name = setting.env();
        return switch (setting.type()) {
            case BOOL -> {
                if (!value.isBoolean()) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected true or false");
                }
                yield value;
            }
            case INT -> {
                if (!value.isNull() && !(value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0)) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected a positive whole number or null");
                }
                yield value;
            }
            case TEXT -> {
                if (!value.isNull() && !value.isTextual()) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected a string");
                }
                List<String> allowed = choices.get(setting);
                if (allowed != null && !allowed.contains(value.asText())) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected one of " + String.join(", ", allowed));
                }
                yield value.isNull() ? TextNode.valueOf("") : value;
            }
            default -> value.isNull() ? NullNode.instance : value;
        };
    }
}
