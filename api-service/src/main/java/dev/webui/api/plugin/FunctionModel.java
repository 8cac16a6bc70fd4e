package dev.webui.api.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A function with its source, as GET /functions/id/{id}, the toggles and /functions/export answer it. */
public record FunctionModel(String id, String userId, String type, String name, String content, JsonNode meta,
                            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode valves, boolean isActive, boolean isGlobal,
                            long updatedAt, long createdAt) {
}
