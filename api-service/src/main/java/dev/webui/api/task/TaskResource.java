package dev.webui.api.task;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** /api/tasks (docs/completions.md, "Tasks registry"), scoped to the user who started each task, on every replica. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class TaskResource {
    private final TaskRegistry registry;
    private final SecurityIdentity identity;

    public TaskResource(TaskRegistry registry, SecurityIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    public Uni<Map<String, Object>> list() {
        return registry.ofUser(user().id()).map(ids -> Map.of("tasks", ids));
    }

    @GET
    @Path("/chat/{chatId}")
    public Uni<Map<String, Object>> ofChat(@PathParam("chatId") String chatId) {
        return registry.ofItem(user().id(), chatId).map(ids -> Map.of("task_ids", ids));
    }

    /** Unknown tasks and other users' tasks get the same answer, so ids cannot be probed. */
    @POST
    @Path("/stop/{taskId}")
    public Uni<Map<String, Object>> stop(@PathParam("taskId") String taskId) {
        return registry.stop(user().id(), taskId).map(sent -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", sent);
            body.put("message", sent ? "Stop signal sent for " + taskId : "Task with ID " + taskId + " not found.");
            return body;
        });
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }
}
