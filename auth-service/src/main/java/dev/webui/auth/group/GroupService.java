package dev.webui.auth.group;

import dev.webui.auth.account.Inputs;
import dev.webui.auth.permission.PermissionService;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;

/** Groups: admins manage them; members get the permissions they grant. */
@ApplicationScoped
public class GroupService {
    private static final String NOT_FOUND = "Group not found.";

    private final GroupRepository groups;
    private final GroupChangeNotifier changes;

    public GroupService(GroupRepository groups, GroupChangeNotifier changes) {
        this.groups = groups;
        this.changes = changes;
    }

    public Uni<List<Group>> visibleTo(String userId, boolean admin) {
        return admin ? groups.all() : groups.ofMember(userId);
    }

    public Uni<List<Group>> ofMember(String userId) {
        return groups.ofMember(userId);
    }

    public Uni<Group> get(String id) {
        return groups.find(id).map(g -> g.orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
    }

    public Uni<Group> create(String adminId, GroupForm form) {
        Checked c = check(form);
        return checkMembers(c.members()).chain(() -> groups.create(adminId, c.name(), c.description(), c.permissions(), c.data(),
                c.members() == null ? List.of() : c.members())).call(changes::changed);
    }

    public Uni<Group> update(String id, GroupForm form) {
        Checked c = check(form);
        return checkMembers(c.members())
                .chain(() -> groups.update(id, c.name(), c.description(), c.permissions(), c.data(), c.members()))
                .call(changes::changed)
                .map(g -> g.orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
    }

    public Uni<Boolean> delete(String id) {
        return groups.delete(id).call(changes::changed).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return true;
        });
    }

    private Uni<Void> checkMembers(List<String> members) {
        if (members == null || members.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return groups.unknownUsers(members).map(unknown -> {
            if (!unknown.isEmpty()) {
                throw ApiException.badRequest("These user_ids are not users: " + String.join(", ", unknown));
            }
            return null;
        });
    }

    private static Checked check(GroupForm form) {
        Inputs.required(form);
        if (form.permissions() != null && !form.permissions().isNull()) {
            PermissionService.checkShape(form.permissions());
        }
        if (form.data() != null && !form.data().isNull() && !form.data().isObject()) {
            throw ApiException.badRequest("data must be an object.");
        }
        List<String> members = null;
        if (form.userIds() != null) {
            if (form.userIds().stream().anyMatch(id -> id == null || id.isBlank())) {
                throw ApiException.badRequest("user_ids must be a list of user ids.");
            }
            members = List.copyOf(new LinkedHashSet<>(form.userIds()));
        }
        String description = Inputs.text("description", form.description());
        return new Checked(Inputs.name(form.name()), description == null ? "" : description,
                JsonColumns.write(form.permissions()), JsonColumns.write(form.data()), members);
    }

    private record Checked(String name, String description, String permissions, String data, List<String> members) {
    }
}
