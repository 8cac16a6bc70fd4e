package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /api/v1/channels; changes reach the browsers as channel-events, not through these answers. */
@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class ChannelResource {
    private final ChannelService channels;
    private final ChannelMessageService messages;
    private final SecurityIdentity identity;

    public ChannelResource(ChannelService channels, ChannelMessageService messages, SecurityIdentity identity) {
        this.channels = channels;
        this.messages = messages;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @GET
    @Path("/")
    public Uni<List<Channel>> readable() {
        return channels.readable(user());
    }

    @GET
    @Path("/list")
    public Uni<List<Channel>> all() {
        return channels.listed(user());
    }

    @POST
    @Path("/create")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Channel> create(JsonNode body) {
        return channels.create(user(), body);
    }

    @GET
    @Path("/{id}")
    public Uni<ChannelResponse> get(@PathParam("id") String id) {
        return channels.open(user(), id).map(ChannelResponse::of);
    }

    @POST
    @Path("/{id}/update")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Channel> update(@PathParam("id") String id, JsonNode body) {
        return channels.update(user(), id, body);
    }

    @DELETE
    @Path("/{id}/delete")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return channels.delete(user(), id);
    }

    @GET
    @Path("/{id}/messages")
    public Uni<List<ChannelMessage>> messages(@PathParam("id") String id, @QueryParam("skip") String skip, @QueryParam("limit") String limit) {
        Window window = Window.parse(skip, limit);
        return messages.topLevel(user(), id, window.skip(), window.limit());
    }

    @POST
    @Path("/{id}/messages/post")
    public Uni<ChannelMessage> post(@PathParam("id") String id, JsonNode body) {
        return messages.post(user(), id, body);
    }

    @GET
    @Path("/{id}/messages/{messageId}")
    public Uni<ChannelMessage> message(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return messages.get(user(), id, messageId);
    }

    @GET
    @Path("/{id}/messages/{messageId}/thread")
    public Uni<List<ChannelMessage>> thread(@PathParam("id") String id, @PathParam("messageId") String messageId,
                                            @QueryParam("skip") String skip, @QueryParam("limit") String limit) {
        Window window = Window.parse(skip, limit);
        return messages.thread(user(), id, messageId, window.skip(), window.limit());
    }

    @POST
    @Path("/{id}/messages/{messageId}/update")
    public Uni<ChannelMessage> updateMessage(@PathParam("id") String id, @PathParam("messageId") String messageId, JsonNode body) {
        return messages.update(user(), id, messageId, body);
    }

    @DELETE
    @Path("/{id}/messages/{messageId}/delete")
    public Uni<Boolean> deleteMessage(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return messages.delete(user(), id, messageId);
    }

    @POST
    @Path("/{id}/messages/{messageId}/reactions/add")
    public Uni<Boolean> addReaction(@PathParam("id") String id, @PathParam("messageId") String messageId, JsonNode body) {
        return messages.react(user(), id, messageId, body, true);
    }

    @POST
    @Path("/{id}/messages/{messageId}/reactions/remove")
    public Uni<Boolean> removeReaction(@PathParam("id") String id, @PathParam("messageId") String messageId, JsonNode body) {
        return messages.react(user(), id, messageId, body, false);
    }
}
