package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.api.json.JsonText;
import dev.webui.api.tag.TagRepository;
import dev.webui.api.tag.TagResponse;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.UnaryOperator;

/** Tags of chats: ids in chat.meta.tags, names in the tag table; unused tags are deleted. */
@ApplicationScoped
public class ChatTagService {
    private final Pool pool;
    private final ChatService chats;
    private final ChatRepository repository;
    private final TagRepository tags;
    private final JsonText json;

    public ChatTagService(Pool pool, ChatService chats, ChatRepository repository, TagRepository tags, JsonText json) {
        this.pool = pool;
        this.chats = chats;
        this.repository = repository;
        this.tags = tags;
        this.json = json;
    }

    public Uni<List<TagResponse>> ofUser(AuthenticatedUser user) {
        return tags.ofUser(pool, user.id());
    }

    public Uni<List<TagResponse>> ofChat(AuthenticatedUser user, String chatId) {
        return chats.readableOwn(user, chatId).chain(chat -> tags.byIds(pool, user.id(), ChatService.tagIds(chat.meta())));
    }

    public Uni<List<TagResponse>> add(AuthenticatedUser user, String chatId, JsonNode body) {
        String name = Bodies.requiredText(body, "name").trim();
        String id = TagResponse.idOf(name);
        return pool.withTransaction(db -> tags.ensure(db, user.id(), name)
                        .chain(() -> editTags(db, user, chatId, list -> {
                            if (!ChatService.tagIds(wrap(list)).contains(id)) {
                                list.add(id);
                            }
                            return list;
                        })))
                .chain(() -> ofChat(user, chatId));
    }

    public Uni<List<TagResponse>> remove(AuthenticatedUser user, String chatId, JsonNode body) {
        String id = TagResponse.idOf(Bodies.requiredText(body, "name"));
        return pool.withTransaction(db -> editTags(db, user, chatId, list -> {
                    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                    list.forEach(tag -> {
                        if (!(tag.isTextual() && tag.textValue().equals(id))) {
                            kept.add(tag);
                        }
                    });
                    return kept;
                }).chain(() -> tags.deleteUnused(db, user.id(), List.of(id))))
                .chain(() -> ofChat(user, chatId));
    }

    public Uni<Boolean> removeAll(AuthenticatedUser user, String chatId) {
        return pool.withTransaction(db -> chats.owned(db, user, chatId).chain(chat -> {
            List<String> previous = ChatService.tagIds(chat.meta());
            return editTags(db, user, chatId, list -> JsonNodeFactory.instance.arrayNode())
                    .chain(() -> tags.deleteUnused(db, user.id(), previous));
        })).replaceWith(true);
    }

    private Uni<Void> editTags(SqlClient db, AuthenticatedUser user, String chatId, UnaryOperator<ArrayNode> edit) {
        return chats.owned(db, user, chatId).chain(chat -> {
            ObjectNode meta = chat.meta() instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
            ArrayNode current = meta.get("tags") instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
            meta.set("tags", edit.apply(current));
            return repository.execute(db, "UPDATE chat SET meta = $2::text::jsonb WHERE id = $1", Tuple.of(chatId, json.write(meta)));
        }).replaceWithVoid();
    }

    private static ObjectNode wrap(ArrayNode list) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.set("tags", list);
        return meta;
    }
}
