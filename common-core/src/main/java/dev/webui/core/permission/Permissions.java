package dev.webui.core.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Feature permissions as Open WebUI computes them: the admin's default permissions (the stored
 * {@code user.permissions}, with every flag it lacks taken from {@link DefaultPermissions}), then
 * each group of the user on top, where a flag any group grants is granted (true wins). Admins are
 * not asked: the callers let them through.
 */
public final class Permissions {
    private Permissions() {
    }

    /** The admin's defaults: {@code stored} over the built-in defaults; only objects and true/false flags count. */
    public static ObjectNode defaults(JsonNode stored) {
        ObjectNode result = DefaultPermissions.create();
        if (stored != null && stored.isObject()) {
            overlay(result, stored, false);
        }
        return result;
    }

    /** A user's effective permissions: the admin's defaults with every group's granted flags. */
    public static ObjectNode effective(JsonNode stored, List<JsonNode> groupPermissions) {
        ObjectNode result = defaults(stored);
        for (JsonNode group : groupPermissions) {
            if (group != null && group.isObject()) {
                overlay(result, group, true);
            }
        }
        return result;
    }

    /** Whether {@code permissions.section.flag} is true; a missing or non-boolean flag is not. */
    public static boolean allows(JsonNode permissions, String section, String flag) {
        JsonNode value = permissions.path(section).path(flag);
        return value.isBoolean() && value.booleanValue();
    }

    /**
     * Copies the flags of {@code source} onto {@code target}, into nested objects alike. With
     * {@code grantsOnly} a false flag only fills a flag {@code target} lacks, so a group never
     * takes away what the defaults or another group grant.
     */
    private static void overlay(ObjectNode target, JsonNode source, boolean grantsOnly) {
        source.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            JsonNode existing = target.get(entry.getKey());
            if (value.isObject()) {
                if (existing == null || existing.isObject()) {
                    overlay(existing == null ? target.putObject(entry.getKey()) : (ObjectNode) existing, value, grantsOnly);
                }
            } else if (value.isBoolean() && (existing == null || existing.isBoolean())) {
                if (!grantsOnly || value.booleanValue() || existing == null) {
                    target.put(entry.getKey(), value.booleanValue());
                }
            }
        });
    }
}
