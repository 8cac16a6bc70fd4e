package dev.webui.auth.account;

public record SignUpForm(String name, String email, String password, String profileImageUrl) {
}
