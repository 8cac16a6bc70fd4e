package dev.webui.auth.group;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** Groups (/api/v1/groups). */
@Path("/api/v1/groups")
public class GroupResource {
    private final GroupService groups;
    private final SecurityIdentity identity;

    public GroupResource(GroupService groups, SecurityIdentity identity) {
        this.groups = groups;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<List<Group>> list() {
        AuthenticatedUser caller = AuthenticatedUser.of(identity);
        return groups.visibleTo(caller.id(), caller.isAdmin());
    }

    @POST
    @Path("/create")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Group> create(GroupForm form) {
        return groups.create(AuthenticatedUser.of(identity).id(), form);
    }

    @GET
    @Path("/id/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Group> get(@PathParam("id") String id) {
        return groups.get(id);
    }

    @POST
    @Path("/id/{id}/update")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Group> update(@PathParam("id") String id, GroupForm form) {
        return groups.update(id, form);
    }

    @DELETE
    @Path("/id/{id}/delete")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return groups.delete(id);
    }
}
