package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.json.Bodies;
import dev.webui.api.pipeline.PipelineFilters;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * /api/chat/completed and /api/chat/actions: in Open WebUI they run outlet filters and actions.
 * "completed" runs the pipeline outlet filters (docs/pipelines.md) and returns the body they
 * answer (what the UI merges back); there is no Python plugin runtime, so no action exists.
 */
@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class CompletedResource {
    private final MessageStore store;
    private final SecurityIdentity identity;
    private final PipelineFilters filters;

    public CompletedResource(MessageStore store, SecurityIdentity identity, PipelineFilters filters) {
        this.store = store;
        this.identity = identity;
        this.filters = filters;
    }

    @POST
    @Path("/completed")
    public Uni<JsonNode> completed(JsonNode body) {
        Bodies.require(body);
        if (!body.path("messages").isArray()) {
            throw ApiException.badRequest("'messages' must be a list");
        }
        AuthenticatedUser user = AuthenticatedUser.of(identity);
        String chatId = Bodies.textOrNull(body, "chat_id");
        Uni<Void> owned = chatId == null || CompletionRequest.LOCAL_CHAT.equals(chatId) ? Uni.createFrom().voidItem()
                : store.ownedTitle(user.id(), chatId).invoke(title -> {
                    if (title == null) {
                        throw ApiException.notFound("Chat not found");
                    }
                }).replaceWithVoid();
        String model = Bodies.textOrNull(body, "model");
        boolean direct = body.path("model_item").path("direct").asBoolean(false);
        return owned.chain(() -> model == null || direct ? Uni.createFrom().item(body) : filters.outlet(user, model, body));
    }

    @POST
    @Path("/actions/{actionId}")
    public JsonNode action(@PathParam("actionId") String actionId, JsonNode body) {
        throw ApiException.notFound("Action not found: " + actionId);
    }
}
