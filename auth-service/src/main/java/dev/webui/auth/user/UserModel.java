package dev.webui.auth.user;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's User object. The password hash and API key never appear in it. */
public record UserModel(String id, String name, String email, String role, String profileImageUrl, String bio,
                        String gender, String dateOfBirth, JsonNode info, JsonNode settings, String oauthSub,
                        long lastActiveAt, long updatedAt, long createdAt) {
    public static UserModel of(User u) {
        return new UserModel(u.id(), u.name(), u.email(), u.role(), u.profileImageUrl(), u.bio(), u.gender(),
                u.dateOfBirth() == null ? null : u.dateOfBirth().toString(), u.info(), u.settings(), u.oauthSub(),
                u.lastActiveAt(), u.updatedAt(), u.createdAt());
    }
}
