package dev.webui.api.note;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;

/** The contract's Note; timestamps in nanoseconds. */
public record Note(String id, String userId, String title, JsonNode data, JsonNode meta,
                   @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode accessControl, long createdAt, long updatedAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) OwnerSummary user) {
    Note withAccessControl(JsonNode acl) {
        return new Note(id, userId, title, data, meta, acl, createdAt, updatedAt, user);
    }

    Note withoutUser() {
        return new Note(id, userId, title, data, meta, accessControl, createdAt, updatedAt, null);
    }
}
