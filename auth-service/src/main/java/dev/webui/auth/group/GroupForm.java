package dev.webui.auth.group;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Body of group create and update; absent user_ids on update keep the members. */
public record GroupForm(String name, String description, JsonNode permissions, List<String> userIds, JsonNode data) {
}
