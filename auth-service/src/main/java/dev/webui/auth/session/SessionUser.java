package dev.webui.auth.session;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's SessionUser: the answer of sign-in, sign-up and LDAP sign-in. */
public record SessionUser(String token, String tokenType, Long expiresAt, String id, String email, String name,
                          String role, String profileImageUrl, JsonNode permissions) {
}
