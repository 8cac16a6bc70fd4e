package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One admin-editable setting: where it lives in {@code config.data} (Open WebUI's dotted path),
 * the environment variable that seeds it, its type and its default when neither is set.
 */
public record Setting(String path, String env, SettingType type, JsonNode defaultValue) {
}
