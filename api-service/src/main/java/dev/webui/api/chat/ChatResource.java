package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.json.Bodies;
import dev.webui.api.tag.TagResponse;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventPublisher;
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
import java.util.Map;

/** /api/v1/chats. Every per-chat operation acts on the caller's chats only. */
@Path("/api/v1/chats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class ChatResource {
    private final ChatService chats;
    private final ChatTagService tags;
    private final EventPublisher events;
    private final SecurityIdentity identity;

    public ChatResource(ChatService chats, ChatTagService tags, EventPublisher events, SecurityIdentity identity) {
        this.chats = chats;
        this.tags = tags;
        this.events = events;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @GET
    @Path("/")
    public Uni<byte[]> list(@QueryParam("page") String page, @QueryParam("include_folders") boolean includeFolders) {
        return chats.sidebarJson(user(), Paging.parse(page, ChatService.PAGE_SIZE), includeFolders);
    }

    @GET
    @Path("/list")
    public Uni<byte[]> listAlias(@QueryParam("page") String page, @QueryParam("include_folders") boolean includeFolders) {
        return list(page, includeFolders);
    }

    @POST
    @Path("/new")
    public Uni<ChatResponse> create(JsonNode body) {
        return chats.create(user(), body);
    }

    @POST
    @Path("/import")
    public Uni<ChatResponse> importChat(JsonNode body) {
        return chats.importChat(user(), body);
    }

    @GET
    @Path("/search")
    public Uni<List<ChatTitleId>> search(@QueryParam("text") String text, @QueryParam("page") String page) {
        return chats.search(user(), text, Paging.parse(page == null ? "1" : page, ChatService.PAGE_SIZE));
    }

    @GET
    @Path("/pinned")
    public Uni<byte[]> pinned() {
        return chats.pinnedJson(user());
    }

    @GET
    @Path("/archived")
    public Uni<List<ChatTitleId>> archived(@QueryParam("page") String page, @QueryParam("query") String query,
                                           @QueryParam("order_by") String orderBy, @QueryParam("direction") String direction) {
        return chats.archived(user().id(), Paging.parse(page, ChatService.PAGE_SIZE), query, orderBy, direction);
    }

    @GET
    @Path("/all")
    public Uni<List<ChatResponse>> exportAll() {
        return chats.export(user(), false);
    }

    @GET
    @Path("/all/archived")
    public Uni<List<ChatResponse>> exportArchived() {
        return chats.export(user(), true);
    }

    @GET
    @Path("/all/db")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ChatResponse>> exportDatabase() {
        return chats.exportAll();
    }

    @GET
    @Path("/all/tags")
    public Uni<List<TagResponse>> allTags() {
        return tags.ofUser(user());
    }

    @POST
    @Path("/archive/all")
    public Uni<Boolean> archiveAll() {
        return chats.setArchivedAll(user(), true);
    }

    @POST
    @Path("/unarchive/all")
    public Uni<Boolean> unarchiveAll() {
        return chats.setArchivedAll(user(), false);
    }

    @DELETE
    @Path("/")
    public Uni<Boolean> deleteAll() {
        return chats.deleteAll(user());
    }

    @POST
    @Path("/tags")
    public Uni<List<ChatTitleId>> byTag(JsonNode body) {
        String name = Bodies.requiredText(body, "name");
        int skip = nonNegative(body, "skip", 0);
        int limit = nonNegative(body, "limit", 50);
        return chats.byTag(user(), name, skip, Math.min(limit, 1000));
    }

    @GET
    @Path("/share/{share_id}")
    public Uni<ChatResponse> shared(@PathParam("share_id") String shareId) {
        return chats.shared(shareId);
    }

    @GET
    @Path("/folder/{folder_id}/list")
    public Uni<List<ChatTitleId>> folderPage(@PathParam("folder_id") String folderId, @QueryParam("page") String page) {
        return chats.folderPage(user(), folderId, Paging.parse(page == null ? "1" : page, ChatService.FOLDER_PAGE_SIZE));
    }

    @GET
    @Path("/folder/{folder_id}")
    public Uni<List<ChatResponse>> folderChats(@PathParam("folder_id") String folderId) {
        return chats.folderChats(user(), folderId);
    }

    @GET
    @Path("/list/user/{user_id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ChatTitleId>> ofUser(@PathParam("user_id") String userId, @QueryParam("page") String page,
                                         @QueryParam("query") String query, @QueryParam("order_by") String orderBy,
                                         @QueryParam("direction") String direction) {
        return chats.ofUser(user(), userId, Paging.parse(page, ChatService.PAGE_SIZE), query, orderBy, direction);
    }

    @GET
    @Path("/{id}")
    public Uni<ChatResponse> get(@PathParam("id") String id) {
        return chats.view(user(), id);
    }

    @POST
    @Path("/{id}")
    public Uni<ChatResponse> update(@PathParam("id") String id, JsonNode body) {
        return chats.update(user(), id, body);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return chats.delete(user(), id);
    }

    @GET
    @Path("/{id}/pinned")
    public Uni<Boolean> isPinned(@PathParam("id") String id) {
        return chats.isPinned(user(), id);
    }

    @POST
    @Path("/{id}/pin")
    public Uni<ChatResponse> pin(@PathParam("id") String id) {
        return chats.togglePinned(user(), id);
    }

    @POST
    @Path("/{id}/archive")
    public Uni<ChatResponse> archive(@PathParam("id") String id) {
        return chats.toggleArchived(user(), id);
    }

    @GET
    @Path("/{id}/tags")
    public Uni<List<TagResponse>> chatTags(@PathParam("id") String id) {
        return tags.ofChat(user(), id);
    }

    @POST
    @Path("/{id}/tags")
    public Uni<List<TagResponse>> addTag(@PathParam("id") String id, JsonNode body) {
        return tags.add(user(), id, body);
    }

    @DELETE
    @Path("/{id}/tags")
    public Uni<List<TagResponse>> removeTag(@PathParam("id") String id, JsonNode body) {
        return tags.remove(user(), id, body);
    }

    @DELETE
    @Path("/{id}/tags/all")
    public Uni<Boolean> removeAllTags(@PathParam("id") String id) {
        return tags.removeAll(user(), id);
    }

    @POST
    @Path("/{id}/clone")
    public Uni<ChatResponse> cloneChat(@PathParam("id") String id, JsonNode body) {
        return chats.cloneOwn(user(), id, body);
    }

    @POST
    @Path("/{id}/clone/shared")
    public Uni<ChatResponse> cloneShared(@PathParam("id") String shareId) {
        return chats.cloneShared(user(), shareId);
    }

    @POST
    @Path("/{id}/share")
    public Uni<ChatResponse> share(@PathParam("id") String id) {
        return chats.share(user(), id);
    }

    @DELETE
    @Path("/{id}/share")
    public Uni<Boolean> unshare(@PathParam("id") String id) {
        return chats.unshare(user(), id);
    }

    @POST
    @Path("/{id}/folder")
    public Uni<ChatResponse> moveToFolder(@PathParam("id") String id, JsonNode body) {
        return chats.moveToFolder(user(), id, body);
    }

    @POST
    @Path("/{id}/messages/{message_id}")
    public Uni<ChatResponse> setMessage(@PathParam("id") String id, @PathParam("message_id") String messageId, JsonNode body) {
        return chats.setMessageContent(user(), id, messageId, body)
                .call(chat -> events.emit(new EmitRequest("chat-events", Map.of("chat_id", id, "message_id", messageId,
                        "data", Map.of("type", "chat:message", "data", Map.of("content", body.get("content").asText()))),
                        EmitRequest.Target.users(chat.userId()))));
    }

    @POST
    @Path("/{id}/messages/{message_id}/event")
    public Uni<Boolean> relayEvent(@PathParam("id") String id, @PathParam("message_id") String messageId, JsonNode body) {
        String type = Bodies.requiredText(body, "type");
        JsonNode data = body.get("data");
        return chats.readable(user(), id).chain(chat -> events.emit(new EmitRequest("chat-events",
                Map.of("chat_id", id, "message_id", messageId, "data", Map.of("type", type, "data", data == null ? Map.of() : data)),
                EmitRequest.Target.users(chat.userId())))).replaceWith(true);
    }

    private static int nonNegative(JsonNode body, String field, int fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.intValue() < 0) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected a non-negative integer");
        }
        return value.intValue();
    }
}
