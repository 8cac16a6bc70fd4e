package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The message and message_reaction tables; every read carries author, thread summary and reactions. */
@ApplicationScoped
public class ChannelMessageRepository {
    private static final String SELECT = "SELECT m.id, m.user_id, m.channel_id, m.reply_to_id, m.parent_id, m.content, "
            + "m.data::text AS data, m.meta::text AS meta, m.created_at, m.updated_at, "
            + "u.id AS u_id, u.name AS u_name, u.role AS u_role, u.profile_image_url AS u_image, "
            + "(SELECT count(*) FROM message r WHERE r.parent_id = m.id) AS reply_count, "
            + "(SELECT max(r.created_at) FROM message r WHERE r.parent_id = m.id) AS latest_reply_at, "
            + "(SELECT json_agg(json_build_object('name', x.name, 'user_ids', x.user_ids, 'count', x.n) ORDER BY x.first, x.name)::text "
            + "FROM (SELECT name, array_agg(user_id ORDER BY created_at, user_id) AS user_ids, count(*) AS n, min(created_at) AS first "
            + "FROM message_reaction WHERE message_id = m.id GROUP BY name) x) AS reactions "
            + "FROM message m LEFT JOIN \"user\" u ON u.id = m.user_id";
    private static final String NEWEST_FIRST = " ORDER BY m.created_at DESC, m.id DESC OFFSET $2 LIMIT $3";

    private final Pool pool;
    private final JsonText json;

    public ChannelMessageRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    /** Top-level messages of a channel, newest first. */
    public Uni<List<ChannelMessage>> topLevel(String channelId, int skip, int limit) {
        return page(SELECT + " WHERE m.channel_id = $1 AND m.parent_id IS NULL" + NEWEST_FIRST, channelId, skip, limit);
    }

    /** Replies of a thread, newest first. */
    public Uni<List<ChannelMessage>> replies(String parentId, int skip, int limit) {
        return page(SELECT + " WHERE m.parent_id = $1" + NEWEST_FIRST, parentId, skip, limit);
    }

    public Uni<ChannelMessage> find(String id) {
        return pool.preparedQuery(SELECT + " WHERE m.id = $1").execute(Tuple.of(id))
                .map(this::read).chain(this::withQuoted).map(list -> list.isEmpty() ? null : list.get(0));
    }

    public Uni<Void> insert(ChannelMessage m) {
        return pool.preparedQuery("INSERT INTO message (id, user_id, channel_id, parent_id, reply_to_id, content, data, meta, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9, $10)")
                .execute(Tuple.tuple(Arrays.asList(m.id(), m.userId(), m.channelId(), m.parentId(), m.replyToId(), m.content(),
                        json.write(m.data()), json.write(m.meta()), m.createdAt(), m.updatedAt())))
                .replaceWithVoid();
    }

    public Uni<Void> update(String id, String content, JsonNode data, JsonNode meta, long updatedAt) {
        return pool.preparedQuery("UPDATE message SET content = $2, data = $3::text::jsonb, meta = $4::text::jsonb, updated_at = $5 WHERE id = $1")
                .execute(Tuple.tuple(Arrays.asList(id, content, json.write(data), json.write(meta), updatedAt))).replaceWithVoid();
    }

    /** Deletes the message, its thread replies and all their reactions. */
    public Uni<Void> delete(String id) {
        return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM message_reaction WHERE message_id = $1 "
                                + "OR message_id IN (SELECT id FROM message WHERE parent_id = $1)").execute(Tuple.of(id))
                .chain(() -> tx.preparedQuery("DELETE FROM message WHERE id = $1 OR parent_id = $1").execute(Tuple.of(id)))
                .replaceWithVoid());
    }

    public Uni<Void> addReaction(String messageId, String userId, String name, long createdAt) {
        return pool.preparedQuery("INSERT INTO message_reaction (id, user_id, message_id, name, created_at) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT (message_id, user_id, name) DO NOTHING")
                .execute(Tuple.of(UUID.randomUUID().toString(), userId, messageId, name, createdAt)).replaceWithVoid();
    }

    public Uni<Void> removeReaction(String messageId, String userId, String name) {
        return pool.preparedQuery("DELETE FROM message_reaction WHERE message_id = $1 AND user_id = $2 AND name = $3")
                .execute(Tuple.of(messageId, userId, name)).replaceWithVoid();
    }

    private Uni<List<ChannelMessage>> page(String sql, String id, int skip, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(id, skip, limit)).map(this::read).chain(this::withQuoted);
    }

    /** Fills {@code reply_to_message} of each message with the quoted message (one level deep). */
    private Uni<List<ChannelMessage>> withQuoted(List<ChannelMessage> messages) {
        String[] ids = messages.stream().map(ChannelMessage::replyToId).filter(id -> id != null).distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(messages);
        }
        return pool.preparedQuery(SELECT + " WHERE m.id = ANY($1)").execute(Tuple.of(ids)).map(rows -> {
            Map<String, ChannelMessage> quoted = new HashMap<>();
            read(rows).forEach(q -> quoted.put(q.id(), q));
            return messages.stream().map(m -> m.replyToId() == null ? m : m.withReplyTo(quoted.get(m.replyToId()))).toList();
        });
    }

    private List<ChannelMessage> read(RowSet<Row> rows) {
        List<ChannelMessage> list = new ArrayList<>();
        for (Row row : rows) {
            MessageUser user = row.getString("u_id") == null ? null
                    : new MessageUser(row.getString("u_id"), row.getString("u_name"), row.getString("u_role"), row.getString("u_image"));
            Long created = row.getLong("created_at");
            Long updated = row.getLong("updated_at");
            list.add(new ChannelMessage(row.getString("id"), row.getString("user_id"), row.getString("channel_id"),
                    row.getString("reply_to_id"), row.getString("parent_id"), row.getString("content"),
                    json.read(row.getString("data")), json.read(row.getString("meta")), created == null ? 0 : created,
                    updated == null ? 0 : updated, user, null, row.getLong("latest_reply_at"), row.getLong("reply_count").intValue(),
                    reactions(row.getString("reactions"))));
        }
        return list;
    }

    private List<Reaction> reactions(String text) {
        JsonNode array = json.read(text);
        if (array == null) {
            return List.of();
        }
        List<Reaction> list = new ArrayList<>();
        for (JsonNode r : array) {
            List<String> users = new ArrayList<>();
            r.path("user_ids").forEach(u -> users.add(u.asText()));
            list.add(new Reaction(r.path("name").asText(), users, r.path("count").asInt()));
        }
        return list;
    }
}
