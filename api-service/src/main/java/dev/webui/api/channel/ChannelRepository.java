package dev.webui.api.channel;

import dev.webui.api.json.JsonText;
import dev.webui.core.access.AccessSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The channel table, and who may read a channel (for notifications). */
@ApplicationScoped
public class ChannelRepository {
    private static final String SELECT = "SELECT id, user_id, type, name, description, data::text AS data, meta::text AS meta, "
            + "access_control::text AS access_control, created_at, updated_at FROM channel";
    // $1 owner, $2 access_control (null = public), $3 admins bypass, $4 user to leave out
    private static final String READERS = "SELECT u.id FROM \"user\" u WHERE u.role IN ('user', 'admin') AND u.id <> $4 AND "
            + AccessSql.of("$2::text::jsonb", "$1").caller("u.id").bypass("$3 AND u.role = 'admin'").read();

    private final Pool pool;
    private final JsonText json;

    public ChannelRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<Channel>> all() {
        return pool.query(SELECT + " ORDER BY created_at, id").execute().map(this::read);
    }

    public Uni<Channel> find(String id) {
        return pool.preparedQuery(SELECT + " WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    public Uni<Void> save(Channel c) {
        return pool.preparedQuery("INSERT INTO channel (id, user_id, type, name, description, data, meta, access_control, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9, $10) ON CONFLICT (id) DO UPDATE SET "
                        + "name = excluded.name, description = excluded.description, data = excluded.data, meta = excluded.meta, "
                        + "access_control = excluded.access_control, updated_at = excluded.updated_at")
                .execute(Tuple.tuple(Arrays.asList(c.id(), c.userId(), c.type(), c.name(), c.description(), json.write(c.data()),
                        json.write(c.meta()), json.write(c.accessControl()), c.createdAt(), c.updatedAt())))
                .replaceWithVoid();
    }

    /** Deletes the channel with its messages, their reactions and its members, in one transaction. */
    public Uni<Void> delete(String id) {
        return pool.withTransaction(tx -> run(tx, "DELETE FROM message_reaction WHERE message_id IN (SELECT id FROM message WHERE channel_id = $1)", id)
                .chain(() -> run(tx, "DELETE FROM message WHERE channel_id = $1", id))
                .chain(() -> run(tx, "DELETE FROM channel_member WHERE channel_id = $1", id))
                .chain(() -> run(tx, "DELETE FROM channel WHERE id = $1", id)));
    }

    /** Ids of the verified users who may read the channel, except {@code except}. */
    public Uni<List<String>> readerIds(Channel c, boolean adminBypass, String except) {
        return pool.preparedQuery(READERS).execute(Tuple.tuple(Arrays.asList(c.userId(), json.write(c.accessControl()), adminBypass, except)))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("id")));
                    return ids;
                });
    }

    private static Uni<Void> run(SqlClient client, String sql, String id) {
        return client.preparedQuery(sql).execute(Tuple.of(id)).replaceWithVoid();
    }

    private List<Channel> read(RowSet<Row> rows) {
        List<Channel> list = new ArrayList<>();
        for (Row row : rows) {
            Long created = row.getLong("created_at");
            Long updated = row.getLong("updated_at");
            list.add(new Channel(row.getString("id"), row.getString("user_id"), row.getString("type"), row.getString("name"),
                    row.getString("description"), json.read(row.getString("data")), json.read(row.getString("meta")),
                    json.read(row.getString("access_control")), created == null ? 0 : created, updated == null ? 0 : updated));
        }
        return list;
    }
}
