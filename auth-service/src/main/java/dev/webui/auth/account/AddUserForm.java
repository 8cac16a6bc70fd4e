package dev.webui.auth.account;

public record AddUserForm(String name, String email, String password, String role, String profileImageUrl) {
}
