package dev.webui.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.core.permission.Permissions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Effective permissions by the one merge of common-core ({@link Permissions}) over the stored admin defaults. */
@ApplicationScoped
public class PermissionService {
    private final SettingsStore settings;
    private final GroupMembership groups;

    public PermissionService(SettingsStore settings, GroupMembership groups) {
        this.settings = settings;
        this.groups = groups;
    }

    public Uni<JsonNode> effective(String userId) {
        return groups.of(userId).map(memberships -> Permissions.effective(settings.get(Settings.USER_PERMISSIONS),
                memberships.permissions()));
    }

    /** Completes when the user may do {@code section.flag}; admins always may. Else 401 as stock answers. */
    public Uni<Void> require(AuthenticatedUser user, String section, String flag) {
        if (user.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return effective(user.id()).invoke(permissions -> {
            if (!Permissions.allows(permissions, section, flag)) {
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
        return effective(user.id()).map(permissions -> Permissions.allows(permissions, "sharing", flag)
                ? null : JsonNodeFactory.instance.objectNode());
    }
}
