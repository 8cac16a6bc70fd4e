package dev.webui.api.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;

/** A message rating; {@code user} only in the admin list. */
public record Feedback(String id, String userId, long version, String type, JsonNode data, JsonNode meta, JsonNode snapshot,
                       long createdAt, long updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) OwnerSummary user) {
}
