package dev.webui.api.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The contract's Channel (the full row); timestamps in nanoseconds. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Channel(String id, String userId, String type, String name, String description, JsonNode data, JsonNode meta,
                      JsonNode accessControl, long createdAt, long updatedAt) {
}
