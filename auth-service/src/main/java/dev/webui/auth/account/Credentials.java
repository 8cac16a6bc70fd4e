package dev.webui.auth.account;

import dev.webui.auth.user.User;

/** A user with the password hash and active flag of their auth row. */
public record Credentials(User user, String passwordHash, boolean active) {
}
