package dev.webui.api.plugin;

import com.fasterxml.jackson.databind.JsonNode;

/** A function as listed (without source code). */
public record PluginFunction(String id, String userId, String type, String name, JsonNode meta, boolean isActive,
                             boolean isGlobal, long updatedAt, long createdAt) {
}
