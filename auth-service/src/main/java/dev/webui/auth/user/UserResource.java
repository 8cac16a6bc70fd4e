package dev.webui.auth.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.auth.group.Group;
import dev.webui.auth.group.GroupService;
import dev.webui.auth.permission.PermissionService;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Users (/api/v1/users). */
@Path("/api/v1/users")
public class UserResource {
    private final UserService users;
    private final GroupService groups;
    private final PermissionService permissions;
    private final SecurityIdentity identity;

    public UserResource(UserService users, GroupService groups, PermissionService permissions, SecurityIdentity identity) {
        this.users = users;
        this.groups = groups;
        this.permissions = permissions;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @RolesAllowed(Roles.ADMIN)
    public Uni<UserList> list(@QueryParam("page") @DefaultValue("1") String page, @QueryParam("query") String query,
                              @QueryParam("order_by") String orderBy, @QueryParam("direction") String direction) {
        return users.page(page, query, orderBy, direction);
    }

    @GET
    @Path("/all")
    @RolesAllowed(Roles.ADMIN)
    public Uni<UserList> all() {
        return users.all();
    }

    @GET
    @Path("/search")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<UserList> search(@QueryParam("query") String query) {
        return users.search(query);
    }

    @GET
    @Path("/active")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Map<String, List<String>>> active() {
        return users.activeUserIds().map(ids -> Map.of("user_ids", ids));
    }

    @GET
    @Path("/default/permissions")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> defaultPermissions() {
        return permissions.defaults();
    }

    @POST
    @Path("/default/permissions")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> saveDefaultPermissions(JsonNode body) {
        return permissions.saveDefaults(body);
    }

    @GET
    @Path("/permissions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> ownPermissions() {
        return permissions.effective(caller().id());
    }

    @GET
    @Path("/groups")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<List<Group>> ownGroups() {
        return groups.ofMember(caller().id());
    }

    @GET
    @Path("/user/settings")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> settings() {
        return users.settings(caller().id());
    }

    @POST
    @Path("/user/settings/update")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> updateSettings(JsonNode body) {
        return users.updateSettings(caller(), body);
    }

    @GET
    @Path("/user/info")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> info() {
        return users.info(caller().id());
    }

    @POST
    @Path("/user/info/update")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> updateInfo(JsonNode body) {
        return users.mergeInfo(caller().id(), body);
    }

    @POST
    @Path("/update/role")
    @RolesAllowed(Roles.ADMIN)
    public Uni<UserModel> updateRole(RoleForm form) {
        if (form == null || form.id() == null) {
            throw ApiException.badRequest("Both id and role are required.");
        }
        return users.updateRole(caller(), form.id(), form.role());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<UserPublicInfo> get(@PathParam("id") String id) {
        return users.publicInfo(id, caller().id());
    }

    @GET
    @Path("/{id}/active")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Map<String, Boolean>> isActive(@PathParam("id") String id) {
        return users.isActive(id).map(active -> Map.of("active", active));
    }

    @GET
    @Path("/{id}/profile/image")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Response> profileImage(@PathParam("id") String id) {
        return users.get(id).map(user -> ProfileImages.serve(user.profileImageUrl()));
    }

    @GET
    @Path("/{id}/groups")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<Group>> groupsOf(@PathParam("id") String id) {
        return users.get(id).chain(user -> groups.ofMember(user.id()));
    }

    @POST
    @Path("/{id}/update")
    @RolesAllowed(Roles.ADMIN)
    public Uni<UserModel> update(@PathParam("id") String id, AdminUserForm form) {
        return users.adminUpdate(caller(), id, form);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return users.delete(caller(), id);
    }

    private AuthenticatedUser caller() {
        return AuthenticatedUser.of(identity);
    }
}
