package dev.webui.auth.group;

import dev.webui.core.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Queries on "group" and group_member; members are returned as {@code user_ids} in membership order. */
@ApplicationScoped
public class GroupRepository {
    private static final String SELECT = "SELECT g.id, g.user_id, g.name, g.description, g.permissions::text AS permissions, "
            + "g.data::text AS data, g.meta::text AS meta, g.created_at, g.updated_at, "
            + "ARRAY(SELECT m.user_id FROM group_member m WHERE m.group_id = g.id ORDER BY m.created_at, m.user_id) AS user_ids "
            + "FROM \"group\" g ";
    private static final String ORDER = " ORDER BY g.created_at, g.id";

    private final Pool pool;

    public GroupRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Group>> all() {
        return pool.query(SELECT + ORDER).execute().map(GroupRepository::groups);
    }

    public Uni<List<Group>> ofMember(String userId) {
        return pool.preparedQuery(SELECT + "WHERE EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g.id AND m.user_id = $1)" + ORDER)
                .execute(Tuple.of(userId)).map(GroupRepository::groups);
    }

    public Uni<Optional<Group>> find(String id) {
        return find(pool, id);
    }

    public Uni<Group> create(String ownerId, String name, String description, String permissions, String data, List<String> members) {
        String id = java.util.UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO \"group\" (id, user_id, name, description, permissions, data, "
                                + "meta, created_at, updated_at) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, NULL, $7, $7)")
                        .execute(Tuple.of(id, ownerId, name, description, permissions, data).addLong(now))
                        .chain(() -> setMembers(conn, id, members, now))
                        .chain(() -> find(conn, id)))
                .map(Optional::orElseThrow);
    }

    /** Updates the group; null {@code members} leaves membership as it is. Empty when the group does not exist. */
    public Uni<Optional<Group>> update(String id, String name, String description, String permissions, String data, List<String> members) {
        long now = Instant.now().getEpochSecond();
        return pool.withTransaction(conn -> conn.preparedQuery("UPDATE \"group\" SET name = $2, description = $3, permissions = $4::text::jsonb, "
                                + "data = COALESCE($5::text::jsonb, data), updated_at = $6 WHERE id = $1")
                        .execute(Tuple.of(id, name, description, permissions, data).addLong(now))
                        .chain(rows -> rows.rowCount() == 0
                                ? Uni.createFrom().item(Optional.<Group>empty())
                                : (members == null ? Uni.createFrom().voidItem() : setMembers(conn, id, members, now))
                                        .chain(() -> find(conn, id))));
    }

    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM \"group\" WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    /** Makes the user a member of exactly the groups with these names (groups are not created). */
    public Uni<Void> syncMemberships(String userId, List<String> groupNames) {
        String[] names = groupNames.toArray(String[]::new);
        long now = Instant.now().getEpochSecond();
        return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM group_member m USING \"group\" g WHERE m.group_id = g.id "
                        + "AND m.user_id = $1 AND NOT (g.name = ANY($2))").execute(Tuple.of(userId, names))
                .chain(() -> conn.preparedQuery("INSERT INTO group_member (group_id, user_id, created_at) SELECT g.id, $1, $3 "
                        + "FROM \"group\" g WHERE g.name = ANY($2) ON CONFLICT DO NOTHING").execute(Tuple.of(userId, names, now))))
                .replaceWithVoid();
    }

    /** The ids among {@code userIds} that are not users. */
    public Uni<List<String>> unknownUsers(List<String> userIds) {
        return pool.preparedQuery("SELECT x FROM unnest($1::text[]) AS x WHERE NOT EXISTS (SELECT 1 FROM \"user\" u WHERE u.id = x)")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(row -> out.add(row.getString(0)));
                    return out;
                });
    }

    private static Uni<Void> setMembers(SqlClient conn, String groupId, List<String> members, long now) {
        String[] ids = members.toArray(String[]::new);
        return conn.preparedQuery("DELETE FROM group_member WHERE group_id = $1 AND NOT (user_id = ANY($2))").execute(Tuple.of(groupId, ids))
                .chain(() -> conn.preparedQuery("INSERT INTO group_member (group_id, user_id, created_at) SELECT $1, x, $3 "
                        + "FROM unnest($2::text[]) AS x ON CONFLICT DO NOTHING").execute(Tuple.of(groupId, ids, now)))
                .replaceWithVoid();
    }

    private static Uni<Optional<Group>> find(SqlClient client, String id) {
        return client.preparedQuery(SELECT + "WHERE g.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(group(rows.iterator().next())));
    }

    private static List<Group> groups(RowSet<Row> rows) {
        List<Group> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(group(row)));
        return out;
    }

    private static Group group(Row row) {
        return new Group(row.getString("id"), row.getString("user_id"), row.getString("name"), row.getString("description"),
                JsonColumns.read(row.getString("permissions")), JsonColumns.read(row.getString("data")),
                JsonColumns.read(row.getString("meta")), List.of(row.getArrayOfStrings("user_ids")),
                row.getLong("created_at"), row.getLong("updated_at"));
    }
}
