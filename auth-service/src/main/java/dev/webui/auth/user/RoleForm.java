package dev.webui.auth.user;

public record RoleForm(String id, String role) {
}
