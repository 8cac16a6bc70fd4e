package dev.webui.api.channel;

import dev.webui.common.auth.AuthenticatedUser;

/** The author (or acting user) as channel messages and events show it. */
public record MessageUser(String id, String name, String role, String profileImageUrl) {
    static MessageUser of(AuthenticatedUser user) {
        return new MessageUser(user.id(), user.name(), user.role(), user.profileImageUrl());
    }
}
