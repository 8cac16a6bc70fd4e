package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.api.settings.Setting;
import dev.webui.api.settings.SettingType;
import dev.webui.api.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** GET/POST /api/v1/tasks/config: the task settings under their Open WebUI names. */
@ApplicationScoped
public class TaskConfig {
    private static final Map<String, Setting> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("TASK_MODEL", Settings.TASK_MODEL);
        FIELDS.put("TASK_MODEL_EXTERNAL", Settings.TASK_MODEL_EXTERNAL);
        FIELDS.put("ENABLE_TITLE_GENERATION", Settings.ENABLE_TITLE_GENERATION);
        FIELDS.put("TITLE_GENERATION_PROMPT_TEMPLATE", Settings.TITLE_PROMPT);
        FIELDS.put("IMAGE_PROMPT_GENERATION_PROMPT_TEMPLATE", Settings.IMAGE_PROMPT);
        FIELDS.put("ENABLE_AUTOCOMPLETE_GENERATION", Settings.ENABLE_AUTOCOMPLETE);
        FIELDS.put("AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH", Settings.AUTOCOMPLETE_INPUT_MAX_LENGTH);
        FIELDS.put("TAGS_GENERATION_PROMPT_TEMPLATE", Settings.TAGS_PROMPT);
        FIELDS.put("FOLLOW_UP_GENERATION_PROMPT_TEMPLATE", Settings.FOLLOW_UP_PROMPT);
        FIELDS.put("ENABLE_FOLLOW_UP_GENERATION", Settings.ENABLE_FOLLOW_UP_GENERATION);
        FIELDS.put("ENABLE_TAGS_GENERATION", Settings.ENABLE_TAGS_GENERATION);
        FIELDS.put("ENABLE_SEARCH_QUERY_GENERATION", Settings.ENABLE_SEARCH_QUERY_GENERATION);
        FIELDS.put("ENABLE_RETRIEVAL_QUERY_GENERATION", Settings.ENABLE_RETRIEVAL_QUERY_GENERATION);
        FIELDS.put("QUERY_GENERATION_PROMPT_TEMPLATE", Settings.QUERY_PROMPT);
        FIELDS.put("TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE", Settings.TOOLS_PROMPT);
    }

    private final SettingsStore store;

    public TaskConfig(SettingsStore store) {
        this.store = store;
    }

    public ObjectNode view() {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        FIELDS.forEach((name, setting) -> node.set(name, store.get(setting)));
        return node;
    }

    /** Saves the fields present (unknown ones ignored); a value of the wrong type is a 400. */
    public Uni<ObjectNode> update(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        FIELDS.forEach((name, setting) -> {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                return;
            }
            boolean valid = switch (setting.type()) {
                case BOOL -> value.isBoolean();
                case INT -> value.canConvertToInt() && value.isIntegralNumber();
                default -> value.isTextual();
            };
            if (!valid) {
                throw ApiException.badRequest("Invalid value for '" + name + "': expected "
                        + (setting.type() == SettingType.BOOL ? "true or false" : setting.type() == SettingType.INT ? "an integer" : "a string"));
            }
            values.put(setting, value);
        });
        return store.save(values).replaceWith(this::view);
    }
}
