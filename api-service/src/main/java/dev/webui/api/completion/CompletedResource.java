package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
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
 * actions. There is no plugin runtime here, so "completed" returns the body unchanged (what the
 * UI merges back) and no action exists.
 */
@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class CompletedResource {
    private final MessageStore store;
    private final SecurityIdentity identity;

    public CompletedResource(MessageStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @POST
    @Path("/completed")
    public Uni<JsonNode> completed(JsonNode body) {
        Bodies.require(body);
        if (!body.path("messages").isArray()) {
            throw ApiException.badRequest("'messages' must be a list");
        }
        String chatId = Bodies.textOrNull(body, "chat_id");
        if (chatId == null || CompletionRequest.LOCAL_CHAT.equals(chatId)) {
            return Uni.createFrom().item(body);
        }
        return store.ownedTitle(AuthenticatedUser.of(identity).id(), chatId).map(title -> {
            if (title == null) {
                throw ApiException.notFound("Chat not found");
            }
            return body;
        });
    }

    @POST
    @Path("/actions/{actionId}")
    public JsonNode action(@PathParam("actionId") String actionId, JsonNode body) {
        throw ApiException.notFound("Action not found: " + actionId);
    }
}
