package dev.webui.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.app.AppConfig;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.core.access.AccessRule;
import dev.webui.core.access.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Function;

/**
 * Read/write decisions on objects with an owner and access_control (prompts, notes, models,
 * tools, channels) by the one rule of common-core ({@link AccessRule}), with the caller's groups
 * and the admin bypass of BYPASS_ADMIN_ACCESS_CONTROL.
 */
@ApplicationScoped
public class AccessChecker {
    private final GroupMembership groups;
    private final AppConfig app;

    public AccessChecker(GroupMembership groups, AppConfig app) {
        this.groups = groups;
        this.app = app;
    }

    /** What the user may do with objects, given their group ids. */
    public record Rights(AuthenticatedUser user, List<String> groupIds, boolean adminBypass, Caller caller) {
        public Rights(AuthenticatedUser user, List<String> groupIds, boolean adminBypass) {
            this(user, groupIds, adminBypass, Caller.of(user.id(), groupIds, adminBypass && user.isAdmin()));
        }

        public boolean canRead(String ownerId, JsonNode accessControl) {
            return AccessRule.canRead(accessControl, ownerId, caller);
        }

        public boolean canWrite(String ownerId, JsonNode accessControl) {
            return AccessRule.canWrite(accessControl, ownerId, caller);
        }
    }

    /** Rights for lists and the model list: admins bypass only with BYPASS_ADMIN_ACCESS_CONTROL. */
    public Uni<Rights> rights(AuthenticatedUser user) {
        return groups.of(user.id()).map(m -> new Rights(user, m.groupIds(), app.bypassAdminAccessControl()));
    }

    /**
     * Rights on one note or prompt opened, changed or deleted by id: admins always pass there,
     * whatever BYPASS_ADMIN_ACCESS_CONTROL says, as in Open WebUI.
     */
    public Uni<Rights> rightsOnOne(AuthenticatedUser user) {
        return groups.of(user.id()).map(m -> new Rights(user, m.groupIds(), true));
    }

    /**
     * Completes with the object when the user may write it; 404 when they may not even read it
     * (its existence stays hidden), 401 when they may read but not write.
     */
    public <T> Uni<T> requireWrite(AuthenticatedUser user, T object, Function<T, String> owner, Function<T, JsonNode> access,
                                   String notFound) {
        return rightsOnOne(user).map(rights -> {
            if (object == null || !rights.canRead(owner.apply(object), access.apply(object))) {
                throw ApiException.notFound(notFound);
            }
            if (!rights.canWrite(owner.apply(object), access.apply(object))) {
                throw new ApiException(401, "You do not have permission to change this");
            }
            return object;
        });
    }

    public <T> Uni<T> requireRead(AuthenticatedUser user, T object, Function<T, String> owner, Function<T, JsonNode> access,
                                  String notFound) {
        return rightsOnOne(user).map(rights -> {
            if (object == null || !rights.canRead(owner.apply(object), access.apply(object))) {
                throw ApiException.notFound(notFound);
            }
            return object;
        });
    }
}
