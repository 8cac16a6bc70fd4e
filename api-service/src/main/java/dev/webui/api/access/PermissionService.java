package dev.webui.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Effective permissions: the admin defaults merged with every group of the user, any true wins. */
@ApplicationScoped
public class PermissionService {
    private final SettingsStore settings;
    private final GroupMembership groups;

    public PermissionService(SettingsStore settings, GroupMembership groups) {
        this.settings = settings;
        this.groups = groups;
    }

    public Uni<JsonNode> effective(String userId) {
        return groups.of(userId).map(memberships -> {
            ObjectNode merged = (ObjectNode) settings.get(Settings.USER_PERMISSIONS).deepCopy();
            memberships.permissions().forEach(permissions -> mergeTrue(merged, permissions));
            return merged;
        });
    }

    /** Completes when the user may do {@code section.flag}; admins always may. Else 401 as stock answers. */
    public Uni<Void> require(AuthenticatedUser user, String section, String flag) {
        if (user.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return effective(user.id()).invoke(permissions -> {
            if (!permissions.path(section).path(flag).asBoolean(false)) {
                throw new ApiException(401, "You do not have permission to access this resource. Please ask your administrator for access.");
            }
        }).replaceWithVoid();
    }

    /**
     * The access_control to store for an object a user shares: null means public, which needs
     * {@code sharing.<flag>} (admins always may); without it the object is kept private ({@code {}}).
     */
    public Uni<JsonNode> shareable(AuthenticatedUser user, String flag, JsonNode requested) {
        if (requested != null || user.isAdmin()) {
            return Uni.createFrom().item(requested);
        }
        return effective(user.id()).map(permissions -> permissions.path("sharing").path(flag).asBoolean(false)
                ? null : JsonNodeFactory.instance.objectNode());
    }

    private static void mergeTrue(ObjectNode target, JsonNode source) {
        source.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                JsonNode existing = target.get(entry.getKey());
                ObjectNode child = existing instanceof ObjectNode object ? object : target.putObject(entry.getKey());
                mergeTrue(child, value);
            } else if (value.isBoolean() && value.booleanValue()) {
                target.set(entry.getKey(), BooleanNode.TRUE);
            } else if (!target.has(entry.getKey())) {
                target.set(entry.getKey(), value);
            }
        });
    }
}
