package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A chat row; {@code blob} is the conversation object without its messages. */
public record ChatRow(String id, String userId, String title, String shareId, boolean archived, boolean pinned,
                      JsonNode meta, String folderId, long createdAt, long updatedAt, ObjectNode blob) {
}
