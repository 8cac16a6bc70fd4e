package dev.webui.api.folder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.PermissionService;
import dev.webui.api.chat.ChatListCache;
import dev.webui.api.json.Bodies;
import dev.webui.api.tag.TagRepository;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonSanitizer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;


/** Nested folders of a user: sibling names are unique, moves cannot create cycles, deletion takes the sub-tree and its chats. */
@ApplicationScoped
public class FolderService {
    static final String NOT_FOUND = "Folder not found";
    static final String EXISTS = "Folder already exists";

    private final Pool pool;
    private final FolderRepository folders;
    private final FolderAccess access;
    private final TagRepository tags;
    private final PermissionService permissions;

    private final ChatListCache lists;

    public FolderService(Pool pool, FolderRepository folders, FolderAccess access, TagRepository tags, PermissionService permissions,
                         ChatListCache lists) {
        this.lists = lists;
        this.pool = pool;
        this.folders = folders;
        this.access = access;
        this.tags = tags;
        this.permissions = permissions;
    }

    public Uni<List<FolderResponse>> list(AuthenticatedUser user) {
        return folders.ofUser(pool, user.id());
    }

    public Uni<FolderResponse> get(AuthenticatedUser user, String id) {
        return owned(pool, user, id);
    }

    public Uni<FolderResponse> create(AuthenticatedUser user, JsonNode body) {
        String name = Bodies.requiredText(body, "name").trim();
        String parentId = Bodies.textOrNull(body, "parent_id");
        long now = Instant.now().getEpochSecond();
        FolderResponse folder = new FolderResponse(UUID.randomUUID().toString(), parentId, user.id(), name, null,
                clean(Bodies.objectOrNull(body, "meta")), clean(Bodies.objectOrNull(body, "data")), false, now, now);
        return pool.withTransaction(db -> (parentId == null ? Uni.createFrom().voidItem() : owned(db, user, parentId).replaceWithVoid())
                .chain(() -> requireFreeName(db, user, parentId, name, null))
                .chain(() -> folders.save(db, folder))).replaceWith(folder);
    }

    public Uni<FolderResponse> update(AuthenticatedUser user, String id, JsonNode body) {
        Bodies.require(body);
        String name = Bodies.textOrNull(body, "name");
        JsonNode meta = Bodies.objectOrNull(body, "meta");
        JsonNode data = Bodies.objectOrNull(body, "data");
        return change(user, id, (db, f) -> {
            String newName = name == null || name.isBlank() ? f.name() : name.trim();
            return requireFreeName(db, user, f.parentId(), newName, id).replaceWith(new FolderResponse(f.id(), f.parentId(), f.userId(),
                    newName, f.items(), meta == null ? f.meta() : clean(meta), data == null ? f.data() : clean(data),
                    f.isExpanded(), f.createdAt(), now()));
        });
    }

    public Uni<FolderResponse> move(AuthenticatedUser user, String id, JsonNode body) {
        String parentId = Bodies.textOrNull(Bodies.require(body), "parent_id");
        return change(user, id, (db, f) -> {
            Uni<Void> check = parentId == null ? Uni.createFrom().voidItem() : access.subtree(db, user.id(), id).chain(subtree -> {
                if (subtree.contains(parentId)) {
                    throw ApiException.badRequest("A folder cannot move into itself or its sub-folders");
                }
                return owned(db, user, parentId).replaceWithVoid();
            });
            return check.chain(() -> requireFreeName(db, user, parentId, f.name(), id)).replaceWith(new FolderResponse(f.id(), parentId,
                    f.userId(), f.name(), f.items(), f.meta(), f.data(), f.isExpanded(), f.createdAt(), now()));
        });
    }

    public Uni<FolderResponse> setExpanded(AuthenticatedUser user, String id, JsonNode body) {
        JsonNode value = Bodies.require(body).get("is_expanded");
        if (value == null || !value.isBoolean()) {
            throw ApiException.badRequest("Invalid value for 'is_expanded': expected true or false");
        }
        return change(user, id, (db, f) -> Uni.createFrom().item(new FolderResponse(f.id(), f.parentId(), f.userId(), f.name(),
                f.items(), f.meta(), f.data(), value.booleanValue(), f.createdAt(), now())));
    }

    public Uni<FolderResponse> setItems(AuthenticatedUser user, String id, JsonNode body) {
        JsonNode items = Bodies.objectOrNull(Bodies.require(body), "items");
        return change(user, id, (db, f) -> Uni.createFrom().item(new FolderResponse(f.id(), f.parentId(), f.userId(), f.name(),
                clean(items), f.meta(), f.data(), f.isExpanded(), f.createdAt(), now())));
    }

    public Uni<Boolean> delete(AuthenticatedUser user, String id) {
        return permissions.require(user, "chat", "delete").chain(() -> pool.withTransaction(db -> owned(db, user, id)
                .chain(() -> access.subtree(db, user.id(), id))
                .chain(ids -> folders.deleteAll(db, user.id(), ids))
                .chain(() -> tags.deleteUnused(db, user.id(), null)))
                .eventually(() -> lists.drop(user.id()))).replaceWith(true);
    }

    private interface Change {
        Uni<FolderResponse> apply(SqlClient db, FolderResponse folder);
    }

    private Uni<FolderResponse> change(AuthenticatedUser user, String id, Change change) {
        return pool.withTransaction(db -> owned(db, user, id).chain(f -> change.apply(db, f))
                .call(updated -> folders.save(db, updated)));
    }

    private Uni<FolderResponse> owned(SqlClient db, AuthenticatedUser user, String id) {
        return folders.find(db, user.id(), id).map(folder -> {
            if (folder == null) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return folder;
        });
    }

    private Uni<Void> requireFreeName(SqlClient db, AuthenticatedUser user, String parentId, String name, String exceptId) {
        return folders.nameTaken(db, user.id(), parentId, name, exceptId).invoke(taken -> {
            if (taken) {
                throw ApiException.badRequest(EXISTS);
            }
        }).replaceWithVoid();
    }

    private static JsonNode clean(JsonNode node) {
        return node == null ? null : JsonSanitizer.clean(node.deepCopy());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

}
