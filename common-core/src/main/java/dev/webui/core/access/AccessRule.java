package dev.webui.core.access;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The per-object access rule of workspace objects (models, knowledge, prompts, tools, notes,
 * channels), in memory. {@link AccessSql} states the same rule as a SQL condition; both are
 * checked against one table of cases.
 * <ul>
 *   <li>the admin bypass (when the caller grants it) and the owner allow everything;</li>
 *   <li>{@code access_control} null (SQL NULL or JSON null) is public: everyone may read, nobody else may write;</li>
 *   <li>otherwise only grants count: {@code {"read"|"write": {"user_ids": [...], "group_ids": [...]}}};
 *       a write grant also allows reading; {@code {}} and anything malformed grant nothing.</li>
 * </ul>
 * Only JSON strings inside the id lists count, as in SQL.
 */
public final class AccessRule {
    private AccessRule() {
    }

    public static boolean allows(AccessMode mode, JsonNode accessControl, String ownerId, Caller caller) {
        if (caller.bypass() || (ownerId != null && ownerId.equals(caller.userId()))) {
            return true;
        }
        if (accessControl == null || accessControl.isNull() || accessControl.isMissingNode()) {
            return mode.publicAllows();
        }
        for (String key : mode.grantKeys()) {
            JsonNode grant = accessControl.path(key);
            if (lists(grant, Grantee.USER, caller.userId())
                    || caller.groupIds().stream().anyMatch(group -> lists(grant, Grantee.GROUP, group))) {
                return true;
            }
        }
        return false;
    }

    public static boolean canRead(JsonNode accessControl, String ownerId, Caller caller) {
        return allows(AccessMode.READ, accessControl, ownerId, caller);
    }

    public static boolean canWrite(JsonNode accessControl, String ownerId, Caller caller) {
        return allows(AccessMode.WRITE, accessControl, ownerId, caller);
    }

    private static boolean lists(JsonNode grant, Grantee grantee, String id) {
        JsonNode ids = grant.path(grantee.key);
        if (!ids.isArray() || id == null) {
            return false;
        }
        for (JsonNode listed : ids) {
            if (listed.isTextual() && listed.textValue().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
