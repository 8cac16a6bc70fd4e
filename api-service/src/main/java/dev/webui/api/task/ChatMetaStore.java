package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.webui.api.chat.ChatListCache;
import dev.webui.api.json.JsonText;
import dev.webui.api.tag.TagRepository;
import dev.webui.api.tag.TagResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What background tasks write into a chat: its title, its tags, a message's follow-ups. */
@ApplicationScoped
public class ChatMetaStore {
    private final Pool pool;
    private final TagRepository tags;
    private final JsonText json;
    private final ChatListCache lists;

    public ChatMetaStore(Pool pool, TagRepository tags, JsonText json, ChatListCache lists) {
        this.lists = lists;
        this.pool = pool;
        this.tags = tags;
        this.json = json;
    }

    public Uni<Void> setTitle(String userId, String chatId, String title) {
        return pool.preparedQuery("UPDATE chat SET title = $3, chat = jsonb_set(chat, '{title}', to_jsonb($3::text)), "
                        + "updated_at = $4 WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(chatId, userId, title, Instant.now().getEpochSecond())).replaceWithVoid()
                .eventually(() -> lists.drop(userId));
    }

    /** Adds tags (by name) to the chat; answers the names of all its tags. */
    public Uni<List<String>> addTags(String userId, String chatId, List<String> names) {
        return pool.withTransaction(db -> db.preparedQuery("SELECT meta::text AS meta FROM chat WHERE id = $1 AND user_id = $2 FOR UPDATE")
                .execute(Tuple.of(chatId, userId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(List.<String>of());
                    }
                    JsonNode meta = json.read(rows.iterator().next().getString("meta"));
                    Set<String> ids = new LinkedHashSet<>();
                    if (meta != null) {
                        meta.path("tags").forEach(tag -> ids.add(tag.asText()));
                    }
                    names.forEach(name -> ids.add(TagResponse.idOf(name)));
                    ArrayNode list = json.mapper().createArrayNode();
                    ids.forEach(list::add);
                    Uni<Void> ensured = Uni.createFrom().voidItem();
                    for (String name : names) {
                        ensured = ensured.chain(() -> tags.ensure(db, userId, name));
                    }
                    return ensured.chain(() -> db.preparedQuery("UPDATE chat SET meta = jsonb_set(coalesce(meta, '{}'::jsonb), "
                                    + "'{tags}', $3::text::jsonb) WHERE id = $1 AND user_id = $2")
                            .execute(Tuple.of(chatId, userId, json.write(list))))
                            .replaceWith(() -> new ArrayList<>(ids));
                }));
    }

    public Uni<Void> setFollowUps(String chatId, String messageId, JsonNode followUps) {
        return pool.preparedQuery("UPDATE chat_message SET data = data || jsonb_build_object('followUps', $3::text::jsonb) "
                        + "WHERE chat_id = $1 AND id = $2")
                .execute(Tuple.of(chatId, messageId, json.write(followUps))).replaceWithVoid();
    }
}
