package dev.webui.auth.account;

public record SignInForm(String email, String password) {
}
