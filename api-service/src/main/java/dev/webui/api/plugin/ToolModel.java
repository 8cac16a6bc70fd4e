package dev.webui.api.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A tool with its source and specs, as GET /tools/id/{id} and /tools/export answer it. */
public record ToolModel(String id, String userId, String name, String content, JsonNode specs, JsonNode meta,
                        @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode accessControl, long updatedAt, long createdAt) {
}
