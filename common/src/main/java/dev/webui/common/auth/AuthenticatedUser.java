package dev.webui.common.auth;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.Set;

/** The caller of a request, as cached by every service. */
public record AuthenticatedUser(String id, String name, String email, String role, String profileImageUrl) {
    static final String ATTRIBUTE = "webui.user";

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }

    public boolean isVerified() {
        return Roles.ADMIN.equals(role) || Roles.USER.equals(role);
    }

    Set<String> securityRoles() {
        return switch (role) {
            case Roles.ADMIN -> Set.of(Roles.ADMIN, Roles.VERIFIED);
            case Roles.USER -> Set.of(Roles.USER, Roles.VERIFIED);
            default -> Set.of(Roles.PENDING);
        };
    }

    /** The user behind an authenticated identity; null for anonymous callers. */
    public static AuthenticatedUser of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }
}
