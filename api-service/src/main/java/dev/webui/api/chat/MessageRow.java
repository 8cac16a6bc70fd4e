package dev.webui.api.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One node of a chat's message tree as stored in chat_message (docs/schema.md, "The chat split"). */
public record MessageRow(String id, int position, String parentId, String role, String content, String model,
                         Boolean done, Long timestamp, ObjectNode data) {
}
