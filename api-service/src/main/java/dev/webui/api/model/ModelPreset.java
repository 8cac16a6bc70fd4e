package dev.webui.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A model preset row (the contract's ModelPreset); {@code user} is only filled in list answers. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelPreset(String id, String userId, String baseModelId, String name, JsonNode params, JsonNode meta,
                          JsonNode accessControl, boolean isActive, long updatedAt, long createdAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) PresetOwner user) {

    /** The owner as shown in lists. */
    public record PresetOwner(String id, String name, String email, String role, String profileImageUrl) {
    }

    ModelPreset withAccessControl(JsonNode acl) {
        return new ModelPreset(id, userId, baseModelId, name, params, meta, acl, isActive, updatedAt, createdAt, user);
    }

    ModelPreset withoutUser() {
        return new ModelPreset(id, userId, baseModelId, name, params, meta, accessControl, isActive, updatedAt, createdAt, null);
    }
}
