package dev.webui.auth.account;

import dev.webui.auth.db.UniqueViolations;
import dev.webui.auth.user.User;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Account rows: a "user" row and its "auth" row, always written together. */
@ApplicationScoped
public class AccountRepository {
    static final String EMAIL_TAKEN = "An account with this e-mail address already exists.";
    private static final String INSERT = "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, "
            + "last_active_at, is_primary_admin) ";

    private final Pool pool;
    private final UserRepository users;

    public AccountRepository(Pool pool, UserRepository users) {
        this.pool = pool;
        this.users = users;
    }

    /**
     * Creates an account. While no user exists it becomes the primary admin; the unique index on
     * is_primary_admin lets only one of several racing first sign-ups win, and the others are
     * retried as ordinary accounts with the role asked for. Emits {@code true} in {@link Created}
     * when this account became the primary admin.
     */
    public Uni<Created> create(NewAccount account) {
        String id = UUID.randomUUID().toString();
        return insert(id, account, true)
                .onFailure(e -> UniqueViolations.of(e, "user_primary_admin_key")).recoverWithUni(() -> insert(id, account, false))
                .onFailure(e -> UniqueViolations.of(e, "user_email_lower_key")).transform(e -> ApiException.badRequest(EMAIL_TAKEN))
                .chain(primary -> users.findById(id).map(user -> new Created(user.orElseThrow(), primary)));
    }

    private Uni<Boolean> insert(String id, NewAccount a, boolean asPrimary) {
        long now = Instant.now().getEpochSecond();
        return pool.withTransaction(conn -> {
            Uni<Boolean> userRow = asPrimary
                    ? conn.preparedQuery(INSERT + "SELECT $1, $2, $3, 'admin', $4, $5, $5, $5, true WHERE NOT EXISTS (SELECT 1 FROM \"user\")")
                            .execute(Tuple.of(id, a.name(), a.email(), a.profileImageUrl(), now)).map(rows -> rows.rowCount() == 1)
                    : Uni.createFrom().item(false);
            return userRow.chain(primary -> (primary ? Uni.createFrom().item(true) : ordinary(conn, id, a, now).replaceWith(false)))
                    .call(() -> conn.preparedQuery("INSERT INTO auth (id, email, password, active) VALUES ($1, $2, $3, true)")
                            .execute(Tuple.of(id, a.email(), a.passwordHash())));
        });
    }

    private static Uni<?> ordinary(SqlClient conn, String id, NewAccount a, long now) {
        return conn.preparedQuery(INSERT + "VALUES ($1, $2, $3, $4, $5, $6, $6, $6, false)")
                .execute(Tuple.of(id, a.name(), a.email(), a.role(), a.profileImageUrl(), now));
    }

    public Uni<Optional<Credentials>> credentials(String email) {
        return pool.preparedQuery("SELECT " + User.COLUMNS + ", a.password, a.active FROM \"user\" u JOIN auth a ON a.id = u.id "
                        + "WHERE lower(u.email) = lower($1)")
                .execute(Tuple.of(email))
                .map(rows -> rows.size() == 0 ? Optional.<Credentials>empty() : Optional.of(rows.iterator().next()).map(row ->
                        new Credentials(User.from(row), row.getString("password"), row.getBoolean("active"))));
    }

    public Uni<Optional<String>> passwordHash(String userId) {
        return pool.preparedQuery("SELECT password FROM auth WHERE id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Void> setPassword(String userId, String email, String hash) {
        return setPassword(pool, userId, email, hash);
    }

    /** Sets the password hash, creating the auth row for accounts that never had one. */
    public Uni<Void> setPassword(SqlClient conn, String userId, String email, String hash) {
        return conn.preparedQuery("INSERT INTO auth (id, email, password, active) VALUES ($1, $2, $3, true) "
                        + "ON CONFLICT (id) DO UPDATE SET password = EXCLUDED.password")
                .execute(Tuple.of(userId, email, hash)).replaceWithVoid();
    }

    /** A newly created account and whether it became the primary admin. */
    public record Created(User user, boolean primaryAdmin) {
    }
}
