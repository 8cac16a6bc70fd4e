package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
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
 * /api/chat/completed and /api/chat/actions: in Open WebUI they run Python outlet filters and
 * actions. There is no plugin runtime here, so "completed" answers what Open WebUI answers without
 * filters (the body without {@code model_item}, for a model the caller may use) and no action exists.
 */
@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class CompletedResource {
    private final MessageStore store;
    private final ModelResolver models;
    private final SecurityIdentity identity;

    public CompletedResource(MessageStore store, ModelResolver models, SecurityIdentity identity) {
        this.store = store;
        this.models = models;
        this.identity = identity;
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
        return owned.chain(() -> models.resolve(user, model)).replaceWith(answer);
    }

    /** Open WebUI answers 400 for an action id that names no action function ({@code id.sub} names a sub-action). */
    @POST
    @Path("/actions/{actionId}")
    public JsonNode action(@PathParam("actionId") String actionId, JsonNode body) {
        int dot = actionId.indexOf('.');
        throw ApiException.badRequest("Action not found: " + (dot < 0 ? actionId : actionId.substring(0, dot)));
    }
}
