package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's Chat object. */
public record ChatResponse(String id, String userId, String title, JsonNode chat, long updatedAt, long createdAt,
                           String shareId, boolean archived, boolean pinned, JsonNode meta, String folderId) {
    static ChatResponse of(ChatRow row, JsonNode chat) {
        return new ChatResponse(row.id(), row.userId(), row.title(), chat, row.updatedAt(), row.createdAt(),
                row.shareId(), row.archived(), row.pinned(), row.meta(), row.folderId());
    }
}
