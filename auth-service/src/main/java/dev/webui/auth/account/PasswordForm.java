package dev.webui.auth.account;

public record PasswordForm(String password, String newPassword) {
}
