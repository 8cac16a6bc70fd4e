package dev.webui.auth.account;

/** Answer of POST /auths/add. */
public record AddedUser(String token, String tokenType, String id, String email, String name, String role, String profileImageUrl) {
}
