package dev.webui.auth.user;

public record UserPublicInfo(String name, String profileImageUrl, boolean active) {
}
