package dev.webui.api.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;

/** A tool as listed (without source code or specs). */
public record Tool(String id, String userId, String name, JsonNode meta,
                   @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode accessControl, long updatedAt, long createdAt,
                   OwnerSummary user) {
}
