package dev.webui.files.file;

import com.fasterxml.jackson.databind.JsonNode;

/** A file on the wire (FileModel). The storage location stays on the server. */
public record FileModel(String id, String userId, String hash, String filename, JsonNode data, JsonNode meta,
                        JsonNode accessControl, long createdAt, Long updatedAt) {
}
