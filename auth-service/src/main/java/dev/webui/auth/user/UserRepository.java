package dev.webui.auth.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.core.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries on the "user" table. */
@ApplicationScoped
public class UserRepository {
    private static final String SELECT = "SELECT " + User.COLUMNS + " FROM \"user\" u ";

    private final Pool pool;

    public UserRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<User>> findById(String id) {
        return one(pool, SELECT + "WHERE u.id = $1", Tuple.of(id));
    }

    public Uni<Optional<User>> findByEmail(String email) {
        return one(pool, SELECT + "WHERE lower(u.email) = lower($1)", Tuple.of(email));
    }

    public Uni<Optional<User>> findByOauthSub(String oauthSub) {
        return one(pool, SELECT + "WHERE u.oauth_sub = $1", Tuple.of(oauthSub));
    }

    public Uni<Void> setOauthSub(String id, String oauthSub) {
        return pool.preparedQuery("UPDATE \"user\" SET oauth_sub = $2 WHERE id = $1").execute(Tuple.of(id, oauthSub)).replaceWithVoid();
    }

    public Uni<Optional<User>> findPrimaryAdmin() {
        return one(pool, SELECT + "WHERE u.role = 'admin' ORDER BY u.is_primary_admin DESC, u.created_at, u.id LIMIT 1", Tuple.tuple());
    }

    public Uni<Long> count() {
        return pool.query("SELECT count(*) FROM \"user\"").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** One page of users whose name or e-mail contains {@code query}, in a whitelisted order. */
    public Uni<List<User>> page(String query, UserOrder order, int limit, long offset) {
        return pool.preparedQuery(SELECT + "WHERE $1::text IS NULL OR u.name ILIKE $1 OR u.email ILIKE $1 ORDER BY "
                        + order.sql() + " LIMIT $2 OFFSET $3")
                .execute(Tuple.of(like(query), limit, offset)).map(UserRepository::all);
    }

    public Uni<Long> countMatching(String query) {
        return pool.preparedQuery("SELECT count(*) FROM \"user\" u WHERE $1::text IS NULL OR u.name ILIKE $1 OR u.email ILIKE $1")
                .execute(Tuple.of(like(query))).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Member group ids per user, in membership order. */
    public Uni<Map<String, List<String>>> groupIds(List<String> userIds) {
        return pool.preparedQuery("SELECT user_id, group_id FROM group_member WHERE user_id = ANY($1) ORDER BY created_at, group_id")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<String>> out = new HashMap<>();
                    rows.forEach(row -> out.computeIfAbsent(row.getString("user_id"), k -> new ArrayList<>()).add(row.getString("group_id")));
                    return out;
                });
    }

    public Uni<Optional<User>> updateProfile(String id, String name, String profileImageUrl, String bio, String gender, LocalDate dateOfBirth) {
        return one(pool, "UPDATE \"user\" u SET name = $2, profile_image_url = $3, bio = $4, gender = $5, date_of_birth = $6, updated_at = $7 "
                + "WHERE u.id = $1 RETURNING " + User.COLUMNS, Tuple.of(id, name, profileImageUrl, bio, gender, dateOfBirth).addLong(now()));
    }

    /** Admin edit of role, name, e-mail and picture; the auth row's e-mail follows. */
    public Uni<Optional<User>> updateByAdmin(SqlClient conn, String id, String role, String name, String email, String profileImageUrl) {
        return one(conn, "UPDATE \"user\" u SET role = $2, name = $3, email = $4, profile_image_url = $5, updated_at = $6 "
                        + "WHERE u.id = $1 RETURNING " + User.COLUMNS, Tuple.of(id, role, name, email, profileImageUrl).addLong(now()))
                .call(user -> conn.preparedQuery("UPDATE auth SET email = $2 WHERE id = $1").execute(Tuple.of(id, email)));
    }

    public Uni<Optional<User>> updateRole(String id, String role) {
        return one(pool, "UPDATE \"user\" u SET role = $2, updated_at = $3 WHERE u.id = $1 RETURNING " + User.COLUMNS,
                Tuple.of(id, role, now()));
    }

    public Uni<Optional<User>> updateSettings(String id, JsonNode settings) {
        return one(pool, "UPDATE \"user\" u SET settings = $2::text::jsonb, updated_at = $3 WHERE u.id = $1 RETURNING " + User.COLUMNS,
                Tuple.of(id, JsonColumns.write(settings), now()));
    }

    /** Shallow-merges {@code info} into the stored object (a missing or non-object value counts as {}). */
    public Uni<Optional<User>> mergeInfo(String id, JsonNode info) {
        return one(pool, "UPDATE \"user\" u SET info = (CASE WHEN jsonb_typeof(u.info) = 'object' THEN u.info ELSE '{}'::jsonb END) || $2::text::jsonb, "
                + "updated_at = $3 WHERE u.id = $1 RETURNING " + User.COLUMNS, Tuple.of(id, JsonColumns.write(info), now()));
    }

    /** Sets last_active_at to {@code now} unless some replica already set it at or after {@code notBefore}. */
    public Uni<Void> touch(String id, long now, long notBefore) {
        return pool.preparedQuery("UPDATE \"user\" SET last_active_at = $2 WHERE id = $1 AND (last_active_at IS NULL OR last_active_at < $3)")
                .execute(Tuple.of(id, now, notBefore)).replaceWithVoid();
    }

    public Uni<List<String>> activeSince(long since) {
        return pool.preparedQuery("SELECT id FROM \"user\" WHERE last_active_at >= $1 ORDER BY id").execute(Tuple.of(since))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("id")));
                    return ids;
                });
    }

    /** Deletes the user, their credentials (cascade) and group memberships; false if there was no such user. */
    public Uni<Boolean> delete(String id) {
        return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM group_member WHERE user_id = $1").execute(Tuple.of(id))
                .chain(() -> conn.preparedQuery("DELETE FROM \"user\" WHERE id = $1").execute(Tuple.of(id)))
                .map(rows -> rows.rowCount() == 1));
    }

    public Uni<Optional<String>> apiKey(String id) {
        return pool.preparedQuery("SELECT api_key FROM \"user\" WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString(0)));
    }

    public Uni<Void> setApiKey(String id, String apiKey) {
        return pool.preparedQuery("UPDATE \"user\" SET api_key = $2, updated_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, apiKey, now())).replaceWithVoid();
    }

    /**
     * Owner of a chat, for the shared-chat page's {@code shared-<chatId>} user ids: only for a chat
     * its owner shared (or the caller's own), so the owner of a private chat is never named.
     */
    public Uni<Optional<String>> sharedChatOwner(String chatId, String callerId) {
        return pool.preparedQuery("SELECT user_id FROM chat WHERE id = $1 AND (share_id IS NOT NULL OR user_id = $2)")
                .execute(Tuple.of(chatId, callerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    static Uni<Optional<User>> one(SqlClient client, String sql, Tuple params) {
        return client.preparedQuery(sql).execute(params)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(User.from(rows.iterator().next())));
    }

    private static List<User> all(RowSet<Row> rows) {
        List<User> users = new ArrayList<>(rows.size());
        rows.forEach(row -> users.add(User.from(row)));
        return users;
    }

    private static String like(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        return "%" + query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
