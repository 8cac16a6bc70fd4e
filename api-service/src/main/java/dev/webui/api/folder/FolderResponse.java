package dev.webui.api.folder;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's Folder object. */
public record FolderResponse(String id, String parentId, String userId, String name, JsonNode items, JsonNode meta,
                             JsonNode data, boolean isExpanded, long createdAt, long updatedAt) {
}
