package dev.webui.auth.account;

/** What an account is created from: the sign-up form, the admin's "add user", LDAP or a trusted header. */
public record NewAccount(String name, String email, String profileImageUrl, String passwordHash, String role) {
}
