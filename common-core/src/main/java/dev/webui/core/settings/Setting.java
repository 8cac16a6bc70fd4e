package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * One persistent setting: where it lives in {@code config.data} (Open WebUI's dotted path), the
 * environment variable that seeds it, its type, its default when neither is set, and the services
 * that read it. Declared in {@link Settings}.
 */
public record Setting(String path, String env, SettingType type, JsonNode defaultValue, Set<ReadBy> readers) {
}
