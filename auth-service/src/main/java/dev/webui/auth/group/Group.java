package dev.webui.auth.group;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The contract's Group object; {@code user_ids} come from group_member rows. */
public record Group(String id, String userId, String name, String description, JsonNode permissions, JsonNode data,
                    JsonNode meta, List<String> userIds, Long createdAt, Long updatedAt) {
}
