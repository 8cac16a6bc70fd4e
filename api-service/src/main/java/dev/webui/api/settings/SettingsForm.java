package dev.webui.api.settings;

import dev.webui.core.settings.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.common.error.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of settings an admin page reads and saves as one object, keyed by environment names
 * (e.g. /configs/code_execution) or by the page's own names (e.g. the {@code tts} block of
 * /audio/config). Keys left out of a save keep their value; every given value is checked against
 * the setting's type before anything is written.
 */
public final class SettingsForm {
    private final Map<String, Setting> fields;
    private final Map<Setting, List<String>> choices;
    private final Set<Setting> signed;

    SettingsForm(List<Setting> fields, Map<Setting, List<String>> choices) {
        this(byEnv(fields), choices, Set.of());
    }

    private SettingsForm(Map<String, Setting> fields, Map<Setting, List<String>> choices, Set<Setting> signed) {
        this.fields = fields;
        this.choices = choices;
        this.signed = signed;
    }

    /** This form, where the given whole-number settings also take zero and negative numbers (-1: no limit). */
    public SettingsForm signed(Setting... settings) {
        return new SettingsForm(fields, choices, Set.of(settings));
    }

    /** A form whose keys are the page's names: pairs of name and setting, in the page's order. */
    public static SettingsForm named(Object... nameThenSetting) {
        Map<String, Setting> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameThenSetting.length; i += 2) {
            fields.put((String) nameThenSetting[i], (Setting) nameThenSetting[i + 1]);
        }
        return new SettingsForm(fields, Map.of(), Set.of());
    }

    private static Map<String, Setting> byEnv(List<Setting> settings) {
        Map<String, Setting> out = new LinkedHashMap<>();
        settings.forEach(s -> out.put(s.env(), s));
        return out;
    }

    public ObjectNode view(SettingsStore store) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, setting) -> node.set(name, store.get(setting)));
        return node;
    }

    public Map<Setting, JsonNode> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be an object of settings");
        }
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        fields.forEach((name, setting) -> {
            JsonNode value = body.get(name);
            if (value != null) {
                values.put(setting, checked(name, setting, value));
            }
        });
        return values;
    }

    /** {@link #read} of the object under {@code block} (a page's nested section); nothing when it is absent. */
    public Map<Setting, JsonNode> readIn(JsonNode body, String block) {
        JsonNode section = body.get(block);
        if (section == null || section.isNull()) {
            return Map.of();
        }
        if (!section.isObject()) {
            throw ApiException.badRequest("'" + block + "' must be an object");
        }
        return read(section);
    }

    private JsonNode checked(String name, Setting setting, JsonNode value) {
        return switch (setting.type()) {
            case BOOL -> {
                if (!value.isBoolean()) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected true or false");
                }
                yield value;
            }
            case INT -> {
                boolean whole = value.isIntegralNumber() && value.canConvertToLong();
                if (signed.contains(setting) && !whole) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected a whole number");
                }
                if (!value.isNull() && !(whole && (signed.contains(setting) || value.longValue() > 0))) {
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
            case NUMBER -> {
                // the Images page sends the CFG scale as typed: a number, a numeric string or nothing
                if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                    yield NullNode.instance;
                }
                try {
                    double number = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText().trim());
                    yield number == 0 ? NullNode.instance : DoubleNode.valueOf(number);
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected a number");
                }
            }
            case OPTIONAL_TEXT -> {
                if (!value.isNull() && !value.isTextual()) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected a string or null");
                }
                yield value.isNull() || value.asText().isEmpty() ? NullNode.instance : value;
            }
            case COMMA_LIST -> {
                if (!value.isArray()) {
                    throw ApiException.badRequest("Invalid value for '" + name + "': expected a list of strings");
                }
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        throw ApiException.badRequest("Invalid value for '" + name + "': expected a list of strings");
                    }
                    if (!item.asText().isBlank()) {
                        list.add(item.asText().trim());
                    }
                }
                yield list;
            }
            default -> value.isNull() ? NullNode.instance : value;
        };
    }
}
