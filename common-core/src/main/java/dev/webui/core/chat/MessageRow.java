package dev.webui.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One node of a chat's history.messages as a chat_message row (docs/schema.md, "The chat split"). */
public record MessageRow(String id, int position, String parentId, String role, String content, String model,
                         Boolean done, Long timestamp, ObjectNode data) {
}
