package dev.webui.api.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;

/**
 * A tool as listed (without source code or specs): an imported Python tool, or a tool server
 * (id and user_id {@code server:<id>} / {@code server:mcp:<id>}, no owner).
 */
public record Tool(String id, String userId, String name, JsonNode meta,
                   @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode accessControl, long updatedAt, long createdAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) OwnerSummary user, boolean hasUserValves) {
}
