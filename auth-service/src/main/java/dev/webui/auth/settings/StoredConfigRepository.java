package dev.webui.auth.settings;

import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The admin settings document in the {@code config} table, read and written at Open WebUI's dotted
 * paths ({@code ui.enable_signup} is {@code data.ui.enable_signup}). The row with the highest id is
 * authoritative; every other key of the document is left untouched.
 */
@ApplicationScoped
public class StoredConfigRepository {
    /** Serialises writers across replicas, also while the table is still empty. */
    private static final long WRITE_LOCK = 0x6f77_6366L;

    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public StoredConfigRepository(Pool pool, ReactiveRedisDataSource redis, RedisKeys keys) {
        this.pool = pool;
        this.redis = redis;
        this.keys = keys;
    }

    public Uni<JsonObject> load() {
        return pool.query("SELECT data FROM config ORDER BY id DESC LIMIT 1").execute()
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    Object data = it.hasNext() ? it.next().getValue("data") : null;
                    return data instanceof JsonObject json ? json : new JsonObject();
                });
    }

    /** Sets each dotted path to its value (creating intermediate objects) in one transaction. */
    public Uni<Void> write(Map<String, Object> values) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(WRITE_LOCK))
                .chain(() -> conn.query("SELECT id, data FROM config ORDER BY id DESC LIMIT 1 FOR UPDATE").execute())
                .chain(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    Row row = it.hasNext() ? it.next() : null;
                    JsonObject data = row != null && row.getValue("data") instanceof JsonObject json
                            ? json : new JsonObject().put("version", 0).put("ui", new JsonObject());
                    values.forEach((path, value) -> set(data, path, value));
                    return row == null
                            ? conn.preparedQuery("INSERT INTO config (data) VALUES ($1)").execute(Tuple.of(data))
                            : conn.preparedQuery("UPDATE config SET data = $1, updated_at = now() WHERE id = $2")
                                    .execute(Tuple.of(data, row.getInteger("id")));
                }))
                .chain(this::announceChange);
    }

    /** Other services serve the document from a shared Redis copy: drop it and tell every replica to re-read. */
    private Uni<Void> announceChange() {
        return redis.key().del(keys.settingsDocument())
                .chain(() -> redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed"));
    }

    /** The value at a dotted path, or null when any step is missing. */
    public static Object get(JsonObject data, String path) {
        Object current = data;
        for (String step : path.split("\\.")) {
            if (!(current instanceof JsonObject object)) {
                return null;
            }
            current = object.getValue(step);
        }
        return current;
    }

    static void set(JsonObject data, String path, Object value) {
        String[] steps = path.split("\\.");
        JsonObject current = data;
        for (int i = 0; i < steps.length - 1; i++) {
            Object next = current.getValue(steps[i]);
            JsonObject child = next instanceof JsonObject object ? object : new JsonObject();
            current.put(steps[i], child);
            current = child;
        }
        current.put(steps[steps.length - 1], value);
    }
}
