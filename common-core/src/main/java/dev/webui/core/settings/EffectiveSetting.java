package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;

/** A setting's effective value and its origin, as shown to admins. */
public record EffectiveSetting(String path, String env, JsonNode value, SettingSource source) {
}
