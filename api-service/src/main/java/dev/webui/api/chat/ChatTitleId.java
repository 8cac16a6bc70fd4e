package dev.webui.api.chat;

/** A chat list item. */
public record ChatTitleId(String id, String title, long updatedAt, long createdAt) {
}
