package dev.webui.auth.account;

public record ProfileForm(String name, String profileImageUrl, String bio, String gender, String dateOfBirth) {
}
