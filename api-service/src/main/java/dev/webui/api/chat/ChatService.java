package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.PermissionService;
import dev.webui.api.app.AppConfig;
import dev.webui.api.folder.FolderAccess;
import dev.webui.api.json.Bodies;
import dev.webui.api.json.JsonText;
import dev.webui.api.tag.TagRepository;
import dev.webui.api.tag.TagResponse;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.core.chat.ChatAssembler;
import dev.webui.core.chat.ChatSplitter;
import dev.webui.core.chat.MessageRow;
import dev.webui.core.chat.SplitChat;
import dev.webui.core.json.JsonSanitizer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Chat rules: ownership, the blob/row split on every write, sharing, cloning and lists. */
@ApplicationScoped
public class ChatService {
    public static final int PAGE_SIZE = 60;
    public static final int FOLDER_PAGE_SIZE = 10;
    /** The pseudo id of temporary chats: never read from or written to the database. */
    static final String LOCAL = "local";
    static final String NOT_FOUND = "Chat not found";

    private final Pool pool;
    private final ChatRepository chats;
    private final MessageRepository messages;
    private final FolderAccess folders;
    private final TagRepository tags;
    private final PermissionService permissions;
    private final AppConfig app;
    private final ChatReader reader;
    private final ChatListCache lists;
    private final JsonText json;

    public ChatService(Pool pool, ChatRepository chats, MessageRepository messages, FolderAccess folders, TagRepository tags,
                       PermissionService permissions, AppConfig app, ChatReader reader, ChatListCache lists, JsonText json) {
        this.reader = reader;
        this.lists = lists;
        this.json = json;
        this.pool = pool;
        this.chats = chats;
        this.messages = messages;
        this.folders = folders;
        this.tags = tags;
        this.permissions = permissions;
        this.app = app;
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    // ---- reading -------------------------------------------------------------------------

    public Uni<ChatResponse> get(AuthenticatedUser user, String id) {
        return readable(user, id).chain(this::full);
    }

    /**
     * The same chat as {@link #get}, for the wire only: its messages are pre-serialised JSON
     * (one query, nothing parsed), so callers must not navigate {@code chat()}.
     */
    public Uni<ChatResponse> view(AuthenticatedUser user, String id) {
        if (LOCAL.equals(id)) {
            return Uni.createFrom().failure(ApiException.notFound(NOT_FOUND));
        }
        return reader.read(pool, id, user.id(), user.isAdmin() && app.enableAdminChatAccess()).map(chat -> {
            if (chat == null) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return chat;
        });
    }

    /** The caller's chat, or the chat of anyone for admins when ENABLE_ADMIN_CHAT_ACCESS. */
    Uni<ChatRow> readable(AuthenticatedUser user, String id) {
        if (LOCAL.equals(id)) {
            return Uni.createFrom().failure(ApiException.notFound(NOT_FOUND));
        }
        return chats.find(pool, id).map(chat -> {
            if (chat == null || !(chat.userId().equals(user.id()) || (user.isAdmin() && app.enableAdminChatAccess()))) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return chat;
        });
    }

    Uni<ChatRow> owned(SqlClient db, AuthenticatedUser user, String id) {
        if (LOCAL.equals(id)) {
            return Uni.createFrom().failure(ApiException.notFound(NOT_FOUND));
        }
        return chats.findOwnedForUpdate(db, id, user.id()).map(chat -> {
            if (chat == null) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return chat;
        });
    }

    Uni<ChatResponse> full(ChatRow chat) {
        return messages.rowsOf(pool, List.of(chat.id()))
                .map(rows -> ChatResponse.of(chat, ChatAssembler.assemble(chat.blob(), rows.getOrDefault(chat.id(), List.of()))));
    }

    Uni<List<ChatResponse>> fullAll(List<ChatRow> list) {
        return messages.rowsOf(pool, list.stream().map(ChatRow::id).toList()).map(rows -> list.stream()
                .map(chat -> ChatResponse.of(chat, ChatAssembler.assemble(chat.blob(), rows.getOrDefault(chat.id(), List.of()))))
                .toList());
    }

    /** The sidebar list as JSON, from {@link ChatListCache} while nothing of the user's chats changed. */
    public Uni<byte[]> sidebarJson(AuthenticatedUser user, Paging paging, boolean includeFolders) {
        return lists.get(user.id(), ChatListCache.Variant.sidebar(paging, includeFolders),
                () -> sidebar(user, paging, includeFolders).map(json::bytes));
    }

    public Uni<byte[]> pinnedJson(AuthenticatedUser user) {
        return lists.get(user.id(), ChatListCache.Variant.PINNED, () -> pinned(user).map(json::bytes));
    }

    public Uni<List<ChatTitleId>> sidebar(AuthenticatedUser user, Paging paging, boolean includeFolders) {
        String where = "user_id = $1 AND NOT archived AND NOT pinned" + (includeFolders ? "" : " AND folder_id IS NULL");
        return chats.titles(pool, where + ChatRepository.ORDER + paging.sql(), Tuple.of(user.id()));
    }

    public Uni<List<ChatTitleId>> pinned(AuthenticatedUser user) {
        return chats.titles(pool, "user_id = $1 AND pinned AND NOT archived" + ChatRepository.ORDER, Tuple.of(user.id()));
    }

    public Uni<List<ChatTitleId>> archived(String userId, Paging paging, String query, String orderBy, String direction) {
        SqlFilter filter = new SqlFilter("user_id = ? AND archived", userId);
        return chats.titles(pool, filteredList(filter, paging, query, orderBy, direction), filter.params());
    }

    public Uni<List<ChatTitleId>> ofUser(AuthenticatedUser admin, String userId, Paging paging, String query, String orderBy,
                                         String direction) {
        if (!app.enableAdminChatAccess()) {
            return Uni.createFrom().failure(new ApiException(401, "Admin chat access is disabled"));
        }
        SqlFilter filter = new SqlFilter("user_id = ?", userId);
        return chats.titles(pool, filteredList(filter, paging, query, orderBy, direction), filter.params());
    }

    private static String filteredList(SqlFilter filter, Paging paging, String query, String orderBy, String direction) {
        if (query != null && !query.isBlank()) {
            filter.and("title ILIKE ?", SqlFilter.contains(query.trim()));
        }
        String column = switch (orderBy == null ? "updated_at" : orderBy) {
            case "title" -> "title";
            case "created_at" -> "created_at";
            case "updated_at" -> "updated_at";
            default -> throw ApiException.badRequest("'order_by' must be title, created_at or updated_at");
        };
        String dir = switch (direction == null ? "desc" : direction.toLowerCase()) {
            case "asc" -> "ASC";
            case "desc" -> "DESC";
            default -> throw ApiException.badRequest("'direction' must be asc or desc");
        };
        return filter.sql() + " ORDER BY " + column + " " + dir + ", id " + dir + paging.sql();
    }

    public Uni<List<ChatTitleId>> search(AuthenticatedUser user, String text, Paging paging) {
        ChatSearch search = ChatSearch.parse(text);
        SqlFilter filter = new SqlFilter("user_id = ?", user.id());
        if (search.archived() == null) {
            filter.and("NOT archived");
        } else {
            filter.and("archived = ?", search.archived());
        }
        if (search.pinned() != null) {
            filter.and("pinned = ?", search.pinned());
        }
        if (search.shared() != null) {
            filter.and(search.shared() ? "share_id IS NOT NULL" : "share_id IS NULL");
        }
        if (search.folder() != null) {
            filter.and("folder_id IN (SELECT f.id FROM folder f WHERE f.user_id = chat.user_id AND lower(f.name) = lower(?))",
                    search.folder());
        }
        for (String tag : search.tagIds()) {
            filter.and("meta -> 'tags' @> jsonb_build_array(?::text)", tag);
        }
        if (!search.text().isEmpty()) {
            String pattern = SqlFilter.contains(search.text());
            // Uncorrelated, so PostgreSQL runs it once (through the V7 trigram indexes) instead of once per chat.
            filter.and("(title ILIKE ? OR id IN (SELECT m.chat_id FROM chat_message m JOIN chat c ON c.id = m.chat_id "
                    + "WHERE c.user_id = ? AND m.content ILIKE ?))", pattern, user.id(), pattern);
        }
        return chats.titles(pool, filter.sql() + ChatRepository.ORDER + paging.sql(), filter.params());
    }

    public Uni<List<ChatTitleId>> folderPage(AuthenticatedUser user, String folderId, Paging paging) {
        return chats.titles(pool, "user_id = $1 AND folder_id = $2" + ChatRepository.ORDER + paging.sql(),
                Tuple.of(user.id(), folderId));
    }

    public Uni<List<ChatResponse>> folderChats(AuthenticatedUser user, String folderId) {
        return folders.subtree(pool, user.id(), folderId).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().failure(ApiException.notFound("Folder not found"))
                : chats.query(pool, "user_id = $1 AND folder_id = ANY($2)" + ChatRepository.ORDER,
                        Tuple.of(user.id(), ids.toArray(String[]::new))).chain(this::fullAll));
    }

    public Uni<List<ChatResponse>> export(AuthenticatedUser user, boolean archivedOnly) {
        return chats.query(pool, "user_id = $1" + (archivedOnly ? " AND archived" : "") + ChatRepository.ORDER, Tuple.of(user.id()))
                .chain(this::fullAll);
    }

    public Uni<List<ChatResponse>> exportAll() {
        if (!app.enableAdminExport()) {
            return Uni.createFrom().failure(new ApiException(401, "Admin export is disabled"));
        }
        return chats.query(pool, "user_id NOT LIKE 'shared-%'" + ChatRepository.ORDER, Tuple.tuple()).chain(this::fullAll);
    }

    public Uni<List<ChatTitleId>> byTag(AuthenticatedUser user, String name, int skip, int limit) {
        String tagId = TagResponse.idOf(name);
        return chats.titles(pool, "user_id = $1 AND meta -> 'tags' @> jsonb_build_array($2::text)" + ChatRepository.ORDER
                        + " LIMIT " + limit + " OFFSET " + skip, Tuple.of(user.id(), tagId))
                .call(list -> list.isEmpty() && skip == 0 ? tags.deleteUnused(pool, user.id(), List.of(tagId)) : Uni.createFrom().voidItem());
    }

    // ---- writing -------------------------------------------------------------------------

    public Uni<ChatResponse> create(AuthenticatedUser user, JsonNode body) {
        Bodies.require(body);
        ObjectNode chat = chatObject(body, false);
        String folderId = Bodies.textOrNull(body, "folder_id");
        long now = now();
        return insertNew(user, chat, JsonNodeFactory.instance.objectNode(), folderId, false, now, now);
    }

    public Uni<ChatResponse> importChat(AuthenticatedUser user, JsonNode body) {
        Bodies.require(body);
        ObjectNode chat = chatObject(body, false);
        JsonNode meta = Bodies.objectOrNull(body, "meta");
        ObjectNode cleanMeta = meta == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) JsonSanitizer.clean(meta.deepCopy());
        boolean pinned = body.path("pinned").asBoolean(false);
        long now = now();
        long created = epoch(body, "created_at", now);
        long updated = epoch(body, "updated_at", now);
        return insertNew(user, chat, cleanMeta, Bodies.textOrNull(body, "folder_id"), pinned, created, updated)
                .call(response -> pool.withTransaction(db -> {
                    List<Uni<Void>> ensures = new ArrayList<>();
                    for (String tag : tagIds(cleanMeta)) {
                        ensures.add(tags.ensure(db, user.id(), tag));
                    }
                    return ensures.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(ensures).andFailFast().replaceWithVoid();
                }));
    }

    private Uni<ChatResponse> insertNew(AuthenticatedUser user, ObjectNode chat, ObjectNode meta, String folderId, boolean pinned,
                                       long createdAt, long updatedAt) {
        String id = UUID.randomUUID().toString();
        SplitChat split = ChatSplitter.split(id, chat);
        ChatRow row = new ChatRow(id, user.id(), titleOf(split.blob()), null, false, pinned, meta, folderId, createdAt, updatedAt,
                split.blob());
        List<MessageRow> rows = split.rowsOrNone();
        return changes(user, pool.withTransaction(db -> requireFolder(db, user, folderId)
                        .chain(() -> chats.insert(db, row))
                        .chain(() -> messages.replaceTree(db, id, rows, updatedAt))))
                .replaceWith(() -> ChatResponse.of(row, ChatAssembler.assemble(row.blob(), rows)));
    }

    /** POST /chats/{id}: shallow merge of body.chat over the stored object; only changed message rows are written. */
    public Uni<ChatResponse> update(AuthenticatedUser user, String id, JsonNode body) {
        ObjectNode partial = chatObject(Bodies.require(body), true);
        long now = now();
        return changes(user, pool.withTransaction(db -> owned(db, user, id).chain(stored -> {
            boolean storedHasHistory = stored.blob().get("history") instanceof ObjectNode;
            SplitChat split = ChatSplitter.split(id, partial, storedHasHistory);
            ObjectNode merged = stored.blob().deepCopy();
            merged.setAll(split.blob());
            ChatRow updated = new ChatRow(id, stored.userId(), titleOf(merged), stored.shareId(), stored.archived(), stored.pinned(),
                    stored.meta(), stored.folderId(), stored.createdAt(), now, merged);
            Uni<Void> write = chats.update(db, updated);
            if (split.rows() != null) {
                return write.chain(() -> messages.replaceTree(db, id, split.rows(), now))
                        .replaceWith(() -> ChatResponse.of(updated, ChatAssembler.assemble(merged, split.rows())));
            }
            return write.chain(() -> messages.rowsOf(db, List.of(id)))
                    .map(rows -> ChatResponse.of(updated, ChatAssembler.assemble(merged, rows.getOrDefault(id, List.of()))));
        })));
    }

    public Uni<Boolean> delete(AuthenticatedUser user, String id) {
        return permissions.require(user, "chat", "delete").chain(() -> changes(user, pool.withTransaction(db -> owned(db, user, id)
                .call(chat -> chat.shareId() == null ? Uni.createFrom().voidItem()
                        : chats.execute(db, "DELETE FROM chat WHERE id = $1", Tuple.of(chat.shareId())))
                .call(chat -> chats.execute(db, "DELETE FROM chat WHERE id = $1", Tuple.of(id)))
                .call(chat -> tags.deleteUnused(db, user.id(), tagIds(chat.meta()))))))
                .replaceWith(true);
    }

    public Uni<Boolean> deleteAll(AuthenticatedUser user) {
        return permissions.require(user, "chat", "delete").chain(() -> changes(user, pool.withTransaction(db -> chats.execute(db,
                        "DELETE FROM chat WHERE id IN (SELECT share_id FROM chat WHERE user_id = $1 AND share_id IS NOT NULL)",
                        Tuple.of(user.id()))
                .chain(() -> chats.execute(db, "DELETE FROM chat WHERE user_id = $1", Tuple.of(user.id())))
                .chain(() -> tags.deleteUnused(db, user.id(), null)))))
                .replaceWith(true);
    }

    public Uni<ChatResponse> togglePinned(AuthenticatedUser user, String id) {
        return mutate(user, id, "pinned = NOT pinned, updated_at = $3");
    }

    public Uni<ChatResponse> toggleArchived(AuthenticatedUser user, String id) {
        return mutate(user, id, "archived = NOT archived, updated_at = $3");
    }

    public Uni<ChatResponse> moveToFolder(AuthenticatedUser user, String id, JsonNode body) {
        String folderId = Bodies.textOrNull(Bodies.require(body), "folder_id");
        return changes(user, pool.withTransaction(db -> requireFolder(db, user, folderId).chain(() -> owned(db, user, id))
                        .chain(chat -> chats.execute(db, "UPDATE chat SET folder_id = $2, pinned = false, updated_at = $3 WHERE id = $1",
                                Tuple.of(id, folderId, now())))))
                .chain(() -> get(user, id));
    }

    private Uni<ChatResponse> mutate(AuthenticatedUser user, String id, String set) {
        return changes(user, pool.withTransaction(db -> owned(db, user, id)
                        .chain(chat -> chats.execute(db, "UPDATE chat SET " + set + " WHERE id = $1 AND user_id = $2",
                                Tuple.of(id, user.id(), now())))))
                .chain(() -> get(user, id));
    }

    public Uni<Boolean> setArchivedAll(AuthenticatedUser user, boolean archived) {
        return changes(user, chats.execute(pool, "UPDATE chat SET archived = $2 WHERE user_id = $1 AND archived <> $2",
                Tuple.of(user.id(), archived))).replaceWith(true);
    }

    public Uni<ChatResponse> cloneOwn(AuthenticatedUser user, String id, JsonNode body) {
        String title = body == null ? null : Bodies.textOrNull(body, "title");
        return changes(user, pool.withTransaction(db -> owned(db, user, id).chain(source -> copyFor(db, user, source, title))));
    }

    public Uni<ChatResponse> cloneShared(AuthenticatedUser user, String shareId) {
        return changes(user, pool.withTransaction(db -> snapshot(db, shareId).chain(source -> copyFor(db, user, source, null))));
    }

    private Uni<ChatResponse> copyFor(SqlClient db, AuthenticatedUser user, ChatRow source, String title) {
        String id = UUID.randomUUID().toString();
        long now = now();
        ObjectNode blob = source.blob().deepCopy();
        String newTitle = title != null && !title.isBlank() ? title : "Clone of " + source.title();
        blob.put("originalChatId", source.id());
        blob.set("branchPointMessageId", source.blob().path("history").path("currentId").isTextual()
                ? source.blob().path("history").get("currentId") : JsonNodeFactory.instance.nullNode());
        blob.put("title", newTitle);
        ChatRow copy = new ChatRow(id, user.id(), newTitle, null, false, false, JsonNodeFactory.instance.objectNode(), null, now, now, blob);
        return chats.insert(db, copy).chain(() -> messages.copy(db, source.id(), id, now))
                .chain(() -> messages.rowsOf(db, List.of(id)))
                .map(rows -> ChatResponse.of(copy, ChatAssembler.assemble(blob, rows.getOrDefault(id, List.of()))));
    }

    /** Creates or refreshes the snapshot copy; returns it (its id is the share id). */
    public Uni<ChatResponse> share(AuthenticatedUser user, String id) {
        long now = now();
        return permissions.require(user, "chat", "share").chain(() -> pool.withTransaction(db -> owned(db, user, id).chain(chat -> {
            String shareId = chat.shareId() != null ? chat.shareId() : UUID.randomUUID().toString();
            ChatRow snapshot = new ChatRow(shareId, "shared-" + id, chat.title(), null, false, false, chat.meta(), null,
                    chat.createdAt(), now, chat.blob());
            return chats.execute(db, "DELETE FROM chat WHERE id = $1", Tuple.of(shareId))
                    .chain(() -> chats.insert(db, snapshot))
                    .chain(() -> messages.copy(db, id, shareId, now))
                    .chain(() -> chats.execute(db, "UPDATE chat SET share_id = $2 WHERE id = $1", Tuple.of(id, shareId)));
        }))).chain(() -> chats.find(pool, id)).chain(chat -> chats.find(pool, chat.shareId())).chain(this::full);
    }

    public Uni<Boolean> unshare(AuthenticatedUser user, String id) {
        return pool.withTransaction(db -> owned(db, user, id).chain(chat -> chat.shareId() == null
                ? Uni.createFrom().item(false)
                : chats.execute(db, "DELETE FROM chat WHERE id = $1", Tuple.of(chat.shareId()))
                        .chain(() -> chats.execute(db, "UPDATE chat SET share_id = NULL WHERE id = $1", Tuple.of(id)))
                        .replaceWith(true)));
    }

    public Uni<ChatResponse> shared(String shareId) {
        return snapshot(pool, shareId).chain(this::full);
    }

    private Uni<ChatRow> snapshot(SqlClient db, String shareId) {
        return chats.find(db, shareId).map(chat -> {
            if (chat == null || !chat.userId().startsWith("shared-")) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return chat;
        });
    }

    public Uni<Boolean> isPinned(AuthenticatedUser user, String id) {
        return readableOwn(user, id).map(ChatRow::pinned);
    }

    Uni<ChatRow> readableOwn(AuthenticatedUser user, String id) {
        if (LOCAL.equals(id)) {
            return Uni.createFrom().failure(ApiException.notFound(NOT_FOUND));
        }
        return chats.find(pool, id).map(chat -> {
            if (chat == null || !chat.userId().equals(user.id())) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return chat;
        });
    }

    public Uni<ChatResponse> setMessageContent(AuthenticatedUser user, String id, String messageId, JsonNode body) {
        String content = Bodies.textOrNull(Bodies.require(body), "content");
        if (content == null) {
            throw ApiException.badRequest("'content' is required");
        }
        long now = now();
        return changes(user, pool.withTransaction(db -> owned(db, user, id)
                        .chain(chat -> messages.setContent(db, id, messageId, content, now))
                        .chain(() -> chats.execute(db, "UPDATE chat SET updated_at = $2 WHERE id = $1", Tuple.of(id, now)))))
                .chain(() -> get(user, id));
    }

    // ---- helpers -------------------------------------------------------------------------

    /**
     * A write of the user's chats: once it is over (committed, or failed and rolled back), this
     * replica's copy of their lists goes before anyone answers; other replicas hear of it from
     * the trigger's notification.
     */
    private <T> Uni<T> changes(AuthenticatedUser user, Uni<T> write) {
        return write.eventually(() -> lists.drop(user.id()));
    }

    private Uni<Void> requireFolder(SqlClient db, AuthenticatedUser user, String folderId) {
        if (folderId == null) {
            return Uni.createFrom().voidItem();
        }
        return folders.owns(db, user.id(), folderId).invoke(owns -> {
            if (!owns) {
                throw ApiException.notFound("Folder not found");
            }
        }).replaceWithVoid();
    }

    private static ObjectNode chatObject(JsonNode body, boolean required) {
        JsonNode chat = Bodies.objectOrNull(body, "chat");
        if (chat == null) {
            if (required) {
                throw ApiException.badRequest("'chat' is required");
            }
            return JsonNodeFactory.instance.objectNode();
        }
        return (ObjectNode) JsonSanitizer.clean(chat);
    }

    static String titleOf(ObjectNode blob) {
        JsonNode title = blob.get("title");
        return title != null && title.isTextual() && !title.textValue().isEmpty() ? title.textValue() : "New Chat";
    }

    static List<String> tagIds(JsonNode meta) {
        List<String> ids = new ArrayList<>();
        JsonNode list = meta == null ? null : meta.get("tags");
        if (list instanceof ArrayNode array) {
            array.forEach(tag -> {
                if (tag.isTextual()) {
                    ids.add(tag.textValue());
                }
            });
        }
        return ids;
    }

    private static long epoch(JsonNode body, String field, long fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected an integer (seconds)");
        }
        return value.longValue();
    }
}
