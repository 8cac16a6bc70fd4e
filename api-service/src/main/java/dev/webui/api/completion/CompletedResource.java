package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * "completed" runs the pipeline outlet filters (docs/pipelines.md) for a model the caller may use and
 * returns the body they answer, without {@code model_item}; there is no Python plugin runtime, so no
 * action exists.
 */
@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class CompletedResource {
    private final MessageStore store;
    private final ModelResolver models;
    private final SecurityIdentity identity;
    private final PipelineFilters filters;

    public CompletedResource(MessageStore store, ModelResolver models, SecurityIdentity identity, PipelineFilters filters) {
        this.store = store;
        this.models = models;
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
        String model = Bodies.textOrNull(body, "model");
        if (model == null) {
            throw ApiException.badRequest("'model' is required");
        }
        AuthenticatedUser user = AuthenticatedUser.of(identity);
        ObjectNode answer = ((ObjectNode) body).deepCopy();
        answer.remove("model_item");
        String chatId = Bodies.textOrNull(body, "chat_id");
        Uni<Void> owned = chatId == null || CompletionRequest.LOCAL_CHAT.equals(chatId) ? Uni.createFrom().voidItem()
                : store.ownedTitle(user.id(), chatId).invoke(title -> {
                    if (title == null) {
                        throw ApiException.notFound("Chat not found");
                    }
                }).replaceWithVoid();
        boolean direct = body.path("model_item").path("direct").asBoolean(false);
        // a user's direct connection is not among our models, and no pipeline filters it
        return owned.chain(() -> direct ? Uni.createFrom().<JsonNode>item(answer)
                : models.resolve(user, model).chain(() -> filters.outlet(user, model, answer)));
    }

    /** Open WebUI answers 400 for an action id that names no action function ({@code id.sub} names a sub-action). */
    @POST
    @Path("/actions/{actionId}")
    public JsonNode action(@PathParam("actionId") String actionId, JsonNode body) {
        int dot = actionId.indexOf('.');
        throw ApiException.badRequest("Action not found: " + (dot < 0 ? actionId : actionId.substring(0, dot)));
    }
}
