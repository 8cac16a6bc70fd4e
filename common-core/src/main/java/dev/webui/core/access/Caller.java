package dev.webui.core.access;

import java.util.Collection;
import java.util.Set;

/**
 * Who asks: the user id, the ids of the user's groups, and whether the admin bypass applies
 * (the caller is an admin and the place that asks lets admins bypass access control).
 */
public record Caller(String userId, Set<String> groupIds, boolean bypass) {
    public Caller {
        groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    }

    public static Caller of(String userId, Collection<String> groupIds, boolean bypass) {
        return new Caller(userId, groupIds == null ? Set.of() : Set.copyOf(groupIds), bypass);
    }
}
