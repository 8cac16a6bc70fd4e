package dev.webui.api.memory;

/** The contract's Memory object. */
public record Memory(String id, String userId, String content, long updatedAt, long createdAt) {
}
