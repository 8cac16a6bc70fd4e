package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;

/**
 * Writes of an answer into its chat_message row: the text grows by appends (only the new text
 * crosses the wire), and one final write sets the whole content, done and extra fields.
 */
@ApplicationScoped
public class MessageStore {
    private final Pool pool;
    private final JsonText json;

    public MessageStore(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    /** The chat's title if the user owns the chat, else null. */
    public Uni<String> ownedTitle(String userId, String chatId) {
        return pool.preparedQuery("SELECT title FROM chat WHERE id = $1 AND user_id = $2").execute(Tuple.of(chatId, userId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("title"));
    }

    /** Marks the message as answered by {@code model} (creating the node at the end if the client did not save it). */
    public Uni<Void> begin(String chatId, String messageId, String model) {
        long now = now();
        return pool.preparedQuery("INSERT INTO chat_message (chat_id, id, position, role, content, model, done, data, "
                        + "created_at, updated_at) SELECT $1, $2, coalesce(max(position) + 1, 0), 'assistant', '', $3, false, "
                        + "'{}', $4, $4 FROM chat_message WHERE chat_id = $1 "
                        + "ON CONFLICT (chat_id, id) DO UPDATE SET model = excluded.model, updated_at = excluded.updated_at")
                .execute(Tuple.of(chatId, messageId, model, now)).replaceWithVoid();
    }

    public Uni<Void> append(String chatId, String messageId, String text) {
        return pool.preparedQuery("UPDATE chat_message SET content = coalesce(content, '') || $3, updated_at = $4 "
                        + "WHERE chat_id = $1 AND id = $2")
                .execute(Tuple.of(chatId, messageId, text, now())).replaceWithVoid();
    }

    /** Replaces the text saved so far (a reasoning block closed, so the saved text is no prefix any more). */
    public Uni<Void> replace(String chatId, String messageId, String text) {
        return pool.preparedQuery("UPDATE chat_message SET content = $3, updated_at = $4 WHERE chat_id = $1 AND id = $2")
                .execute(Tuple.of(chatId, messageId, text, now())).replaceWithVoid();
    }

    /** The final state: whole content, done, and {@code fields} merged into the message's other fields. */
    public Uni<Void> finish(String chatId, String messageId, String content, JsonNode fields) {
        return pool.preparedQuery("UPDATE chat_message SET content = $3, done = true, data = data || coalesce($4::text::jsonb, '{}'::jsonb), "
                        + "updated_at = $5 WHERE chat_id = $1 AND id = $2")
                .execute(Tuple.tuple(Arrays.asList(chatId, messageId, content, json.write(fields), now())))
                .replaceWithVoid();
    }

    public Uni<String> title(String chatId) {
        return pool.preparedQuery("SELECT title FROM chat WHERE id = $1").execute(Tuple.of(chatId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("title"));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
