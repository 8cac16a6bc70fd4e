package dev.webui.auth.user;

public record AdminUserForm(String role, String name, String email, String profileImageUrl, String password) {
}
