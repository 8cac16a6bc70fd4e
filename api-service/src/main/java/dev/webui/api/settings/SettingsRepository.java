package dev.webui.api.settings;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.UnaryOperator;

/** The {@code config} table: readers take the row with the highest id, as Open WebUI does. */
@ApplicationScoped
public class SettingsRepository {
    static final String EMPTY_DOCUMENT = "{\"version\": 0, \"ui\": {}}";

    private final Pool pool;

    public SettingsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The stored document as JSON text, or null when no row exists. */
    public Uni<String> load() {
        return pool.query("SELECT data::text AS data FROM config ORDER BY id DESC LIMIT 1").execute()
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("data"));
    }

    /**
     * Applies {@code change} to the stored document under a lock, so that concurrent writers
     * (other replicas, auth-service) never lose each other's keys. Returns the new document text.
     */
    public Uni<String> update(UnaryOperator<String> change) {
        return pool.withTransaction(conn -> conn.query("SELECT pg_advisory_xact_lock(hashtext('config'))").execute()
                .chain(() -> conn.query("SELECT id, data::text AS data FROM config ORDER BY id DESC LIMIT 1 FOR UPDATE").execute())
                .chain(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    String updated = change.apply(row == null ? EMPTY_DOCUMENT : row.getString("data"));
                    return write(conn, row == null ? null : row.getInteger("id"), updated).replaceWith(updated);
                }));
    }

    private static Uni<?> write(SqlConnection conn, Integer id, String data) {
        if (id == null) {
            return conn.preparedQuery("INSERT INTO config (data, version, created_at, updated_at) VALUES ($1::text::jsonb, 0, now(), now())")
                    .execute(Tuple.of(data));
        }
        return conn.preparedQuery("UPDATE config SET data = $1::text::jsonb, updated_at = now() WHERE id = $2")
                .execute(Tuple.of(data, id));
    }
}
