package dev.webui.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.AuthenticatedUser;

import java.util.List;

/**
 * Open WebUI's access_control rules: null means public read; an object lists who may read and
 * write by user id or group id; the owner always may; admins may when BYPASS_ADMIN_ACCESS_CONTROL.
 */
public final class AccessControl {
    private AccessControl() {
    }

    public static boolean canRead(JsonNode accessControl, String ownerId, AuthenticatedUser user, List<String> groupIds, boolean adminBypass) {
        if (isPrivileged(ownerId, user, adminBypass)) {
            return true;
        }
        if (accessControl == null || accessControl.isNull()) {
            return true;
        }
        return grants(accessControl.path("read"), user.id(), groupIds) || grants(accessControl.path("write"), user.id(), groupIds);
    }

    public static boolean canWrite(JsonNode accessControl, String ownerId, AuthenticatedUser user, List<String> groupIds, boolean adminBypass) {
        if (isPrivileged(ownerId, user, adminBypass)) {
            return true;
        }
        return accessControl != null && !accessControl.isNull() && grants(accessControl.path("write"), user.id(), groupIds);
    }

    private static boolean isPrivileged(String ownerId, AuthenticatedUser user, boolean adminBypass) {
        return user.id().equals(ownerId) || (adminBypass && user.isAdmin());
    }

    private static boolean grants(JsonNode rule, String userId, List<String> groupIds) {
        for (JsonNode id : rule.path("user_ids")) {
            if (userId.equals(id.asText())) {
                return true;
            }
        }
        for (JsonNode id : rule.path("group_ids")) {
            if (groupIds.contains(id.asText())) {
                return true;
            }
        }
        return false;
    }
}
