package dev.webui.auth.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.auth.account.AccountRepository;
import dev.webui.auth.account.Inputs;
import dev.webui.auth.account.ProfileForm;
import dev.webui.auth.db.UniqueViolations;
import dev.webui.auth.password.PasswordHasher;
import dev.webui.auth.permission.PermissionService;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.auth.UserChangeNotifier;
import dev.webui.common.error.ApiException;
import dev.webui.core.permission.Permissions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules around user accounts: who may change or delete whom, and what is shown to whom. */
@ApplicationScoped
public class UserService {
    public static final int PAGE_SIZE = 30;
    /** A user counts as active when seen within this many seconds (sign-in or session check). */
    static final long ACTIVE_WINDOW_SECONDS = 300;
    private static final String NOT_FOUND = "User not found.";
    private static final String SHARED_PREFIX = "shared-";

    private final UserRepository users;
    private final AccountRepository accounts;
    private final PasswordHasher passwords;
    private final PermissionService permissions;
    private final UserChangeNotifier changes;
    private final Pool pool;

    public UserService(UserRepository users, AccountRepository accounts, PasswordHasher passwords, PermissionService permissions,
                       UserChangeNotifier changes, Pool pool) {
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.permissions = permissions;
        this.changes = changes;
        this.pool = pool;
    }

    public Uni<UserModel> updateProfile(String userId, ProfileForm form) {
        String name = Inputs.name(form.name());
        return users.findById(userId).chain(existing -> {
            User user = existing.orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            String image = form.profileImageUrl() == null ? user.profileImageUrl() : Inputs.profileImage(form.profileImageUrl());
            return users.updateProfile(userId, name, image, Inputs.text("bio", form.bio()), Inputs.text("gender", form.gender()),
                    Inputs.date("date_of_birth", form.dateOfBirth()));
        }).call(() -> changes.userChanged(userId)).map(u -> UserModel.of(u.orElseThrow()));
    }

    public Uni<UserList> page(String rawPage, String query, String orderBy, String direction) {
        int page = page(rawPage);
        UserOrder order = UserOrder.of(orderBy, direction);
        return users.page(query, order, PAGE_SIZE, (long) (page - 1) * PAGE_SIZE)
                .chain(list -> users.groupIds(list.stream().map(User::id).toList())
                        .map(groups -> list.stream().map(u -> new UserListItem(UserModel.of(u), groups.getOrDefault(u.id(), List.of()))).toList()))
                .chain(items -> users.countMatching(query).map(total -> new UserList(items, total)));
    }

    public Uni<UserList> all() {
        return users.page(null, UserOrder.of(null, null), Integer.MAX_VALUE, 0)
                .map(list -> new UserList(list.stream().map(UserModel::of).toList(), list.size()));
    }

    public Uni<UserList> search(String query) {
        return users.page(query, UserOrder.of("name", "asc"), PAGE_SIZE, 0)
                .chain(list -> users.countMatching(query).map(total ->
                        new UserList(list.stream().map(u -> new UserSummary(u.id(), u.name(), u.profileImageUrl())).toList(), total)));
    }

    /** Name, picture and activity of any user; {@code shared-<chatId>} names the owner of that chat if it is shared. */
    public Uni<UserPublicInfo> publicInfo(String id, String callerId) {
        Uni<Optional<String>> resolved = id.startsWith(SHARED_PREFIX)
                ? users.sharedChatOwner(id.substring(SHARED_PREFIX.length()), callerId)
                : Uni.createFrom().item(Optional.of(id));
        return resolved.chain(owner -> owner.map(users::findById).orElse(Uni.createFrom().item(Optional.empty())))
                .map(found -> found.map(u -> new UserPublicInfo(u.name(), u.profileImageUrl(), isActive(u)))
                        .orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
    }

    public Uni<User> get(String id) {
        return users.findById(id).map(u -> u.orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
    }

    public Uni<Boolean> isActive(String id) {
        return get(id).map(UserService::isActive);
    }

    public Uni<List<String>> activeUserIds() {
        return users.activeSince(Instant.now().getEpochSecond() - ACTIVE_WINDOW_SECONDS);
    }

    /**
     * An admin edits an account. Only the primary admin may edit the primary admin, and not even
     * they may take away its admin role.
     */
    public Uni<UserModel> adminUpdate(AuthenticatedUser caller, String targetId, AdminUserForm form) {
        Inputs.required(form);
        String role = role(form.role());
        String name = Inputs.name(form.name());
        String email = Inputs.email(form.email());
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword) {
            PasswordHasher.checkAcceptable(form.password());
        }
        return get(targetId).chain(target -> {
            guardPrimaryAdmin(caller, target, role);
            String image = form.profileImageUrl() == null ? target.profileImageUrl() : Inputs.profileImage(form.profileImageUrl());
            Uni<Optional<String>> hash = newPassword ? passwords.hash(form.password()).map(Optional::of) : Uni.createFrom().item(Optional.empty());
            return hash.chain(h -> pool.withTransaction(conn -> users.updateByAdmin(conn, targetId, role, name, email, image)
                    .call(() -> h.map(value -> accounts.setPassword(conn, targetId, email, value)).orElse(Uni.createFrom().voidItem()))));
        }).onFailure(e -> UniqueViolations.of(e, "user_email_lower_key"))
                .transform(e -> ApiException.badRequest("Another account already uses this e-mail address."))
                .call(() -> changes.userChanged(targetId))
                .map(u -> UserModel.of(u.orElseThrow(() -> ApiException.notFound(NOT_FOUND))));
    }

    public Uni<UserModel> updateRole(AuthenticatedUser caller, String targetId, String rawRole) {
        String role = role(rawRole);
        return get(targetId).chain(target -> {
            guardPrimaryAdmin(caller, target, role);
            return users.updateRole(targetId, role);
        }).call(() -> changes.userChanged(targetId)).map(u -> UserModel.of(u.orElseThrow(() -> ApiException.notFound(NOT_FOUND))));
    }

    public Uni<Boolean> delete(AuthenticatedUser caller, String targetId) {
        if (caller.id().equals(targetId)) {
            throw ApiException.forbidden("You cannot delete your own account.");
        }
        return get(targetId).chain(target -> {
            if (target.primaryAdmin()) {
                throw ApiException.forbidden("The primary admin account cannot be deleted.");
            }
            return users.delete(targetId);
        }).call(() -> changes.userChanged(targetId));
    }

    /** The stored settings; JSON null (not an empty answer) when there are none. */
    public Uni<JsonNode> settings(String userId) {
        return get(userId).map(u -> orJsonNull(u.settings()));
    }

    /** Saves the settings; users without features.direct_tool_servers cannot store tool servers. */
    public Uni<JsonNode> updateSettings(AuthenticatedUser caller, JsonNode settings) {
        if (settings == null || !settings.isObject()) {
            throw ApiException.badRequest("Settings must be a JSON object such as {\"ui\": {...}}.");
        }
        ObjectNode copy = ((ObjectNode) settings).deepCopy();
        Uni<Boolean> mayUseToolServers = caller.isAdmin() ? Uni.createFrom().item(true)
                : permissions.effective(caller.id()).map(p -> Permissions.allows(p, "features", "direct_tool_servers"));
        return mayUseToolServers.chain(allowed -> {
            if (!allowed && copy.get("ui") instanceof ObjectNode ui) {
                ui.remove("toolServers");
            }
            return users.updateSettings(caller.id(), copy);
        }).map(u -> u.orElseThrow(() -> ApiException.notFound(NOT_FOUND)).settings());
    }

    public Uni<JsonNode> info(String userId) {
        return get(userId).map(u -> orJsonNull(u.info()));
    }

    public Uni<JsonNode> mergeInfo(String userId, JsonNode info) {
        if (info == null || !info.isObject()) {
            throw ApiException.badRequest("Info must be a JSON object such as {\"location\": \"Berlin\"}.");
        }
        return users.mergeInfo(userId, info).map(u -> u.orElseThrow(() -> ApiException.notFound(NOT_FOUND)).info());
    }

    private static void guardPrimaryAdmin(AuthenticatedUser caller, User target, String role) {
        if (!target.primaryAdmin()) {
            return;
        }
        if (!caller.id().equals(target.id())) {
            throw ApiException.forbidden("Only the primary admin may change the primary admin account.");
        }
        if (!Roles.ADMIN.equals(role)) {
            throw ApiException.forbidden("The primary admin cannot give up the admin role.");
        }
    }

    private static String role(String role) {
        if (role == null || !Set.of(Roles.PENDING, Roles.USER, Roles.ADMIN).contains(role)) {
            throw ApiException.badRequest("role must be one of pending, user, admin.");
        }
        return role;
    }

    private static int page(String raw) {
        try {
            int page = Integer.parseInt(raw.trim());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.badRequest("page must be a whole number of 1 or more.");
    }

    private static JsonNode orJsonNull(JsonNode node) {
        return node == null ? NullNode.instance : node;
    }

    private static boolean isActive(User user) {
        return user.lastActiveAt() >= Instant.now().getEpochSecond() - ACTIVE_WINDOW_SECONDS;
    }
}
