package dev.webui.common.settings;

import dev.webui.core.settings.DocumentPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The admin settings document ({@code config.data}, the row with the highest id, as Open WebUI
 * reads it), shared by every service. Writers edit it under one advisory lock, so concurrent
 * writers in any service or replica never lose each other's keys, then announce the change on
 * {@link RedisKeys#settingsChangedChannel()}. Readers are served from a per-replica copy that is
 * dropped and re-read on that announcement, and at the latest after {@link #MAX_AGE} (a change
 * nobody announced, e.g. by the importer or an operator).
 * <p>
 * Documents handed out are shared: callers must not modify them.
 */
@ApplicationScoped
public class SettingsDocument {
    private static final Logger LOG = Logger.getLogger(SettingsDocument.class);
    /** The one lock id every writer of the config table takes; it also serialises the insert of the first row. */
    public static final long WRITE_LOCK = 0x6f77_6366L;
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Snapshot(ObjectNode document, long loadedAtNanos) {
    }

    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper mapper;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;
    private volatile ObjectNode last;
    private long generation;
    private long invalidations;
    private volatile Cancellable subscription;

    public SettingsDocument(Pool pool, ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper mapper) {
        this.pool = pool;
        this.redis = redis;
        this.keys = keys;
        this.mapper = mapper;
        this.last = empty();
    }

    void start(@Observes @Priority(5) StartupEvent event) {
        subscription = redis.pubsub(String.class).subscribe(keys.settingsChangedChannel())
                // messages published while unsubscribed are lost: re-read whenever the subscription (re)starts
                .onSubscription().invoke(this::invalidate)
                .onFailure().invoke(e -> LOG.warnf("Settings change subscription lost (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .onItem().transformToUniAndConcatenate(message -> {
                    invalidate();
                    return load().onFailure().recoverWithItem(e -> {
                        LOG.warnf(e, "Settings reload failed; the next read retries");
                        return null;
                    });
                })
                .subscribe().with(ignored -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        Cancellable current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    /** The current document: this replica's copy while it is valid, else read from the table. */
    public Uni<ObjectNode> current() {
        ObjectNode fresh = fresh();
        return fresh != null ? Uni.createFrom().item(fresh) : load();
    }

    /** This replica's copy while it is valid (what {@link #current()} would hand out at once); null when it must be read. */
    public ObjectNode fresh() {
        Snapshot current = snapshot;
        return current != null && System.nanoTime() - current.loadedAtNanos() < MAX_AGE.toNanos() ? current.document() : null;
    }

    /** The value at a dotted path of the current document, or null when absent. */
    public Uni<JsonNode> get(String path) {
        return current().map(document -> DocumentPaths.get(document, path));
    }

    /** The last document this replica read or wrote, without waiting (may lag a change by one reload). */
    public ObjectNode cached() {
        return last;
    }

    /** Changes whenever this replica adopts a different document, so caches built from settings know to rebuild. */
    public long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Sets each dotted path to its value in one locked write; returns the new document. */
    public Uni<ObjectNode> set(Map<String, JsonNode> values) {
        return update(document -> values.forEach((path, value) -> DocumentPaths.set(document, path, value)));
    }

    /** Deep-merges {@code patch} into the object at a dotted path in one locked write; returns the new document. */
    public Uni<ObjectNode> merge(String path, ObjectNode patch) {
        return update(document -> DocumentPaths.merge(document, path, patch));
    }

    /**
     * Applies {@code edit} to the newest stored document under the write lock, stores it and
     * announces the change. An exception thrown by {@code edit} rolls back and fails the Uni.
     */
    public Uni<ObjectNode> update(Consumer<ObjectNode> edit) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(WRITE_LOCK))
                        .chain(() -> conn.query("SELECT id, data::text AS data FROM config ORDER BY id DESC LIMIT 1 FOR UPDATE").execute())
                        .chain(rows -> {
                            Row row = rows.size() == 0 ? null : rows.iterator().next();
                            ObjectNode document = row == null ? empty() : parse(row.getString("data"));
                            edit.accept(document);
                            return write(conn, row == null ? null : row.getInteger("id"), document).replaceWith(document);
                        }))
                .invoke(document -> {
                    synchronized (lock) {
                        invalidations++;
                        adopt(document, invalidations);
                    }
                })
                .call(() -> redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed"));
    }

    private Uni<RowSet<Row>> write(SqlConnection conn, Integer id, ObjectNode document) {
        String text = text(document);
        if (id == null) {
            return conn.preparedQuery("INSERT INTO config (data) VALUES ($1::text::jsonb)").execute(Tuple.of(text));
        }
        return conn.preparedQuery("UPDATE config SET data = $1::text::jsonb, updated_at = now() WHERE id = $2").execute(Tuple.of(text, id));
    }

    private Uni<ObjectNode> load() {
        long token;
        synchronized (lock) {
            token = invalidations;
        }
        return pool.query("SELECT data::text AS data FROM config ORDER BY id DESC LIMIT 1").execute().map(rows -> {
            ObjectNode document = rows.size() == 0 ? empty() : parse(rows.iterator().next().getString("data"));
            synchronized (lock) {
                adopt(document, token);
            }
            return document;
        });
    }

    /**
     * Caller holds {@link #lock}. A read that began before an invalidation is served to its caller
     * but not kept: a newer read or write follows it.
     */
    private void adopt(ObjectNode document, long token) {
        if (token != invalidations) {
            return;
        }
        if (!document.equals(last)) {
            last = document;
            generation++;
        }
        snapshot = new Snapshot(document, System.nanoTime());
    }

    private void invalidate() {
        synchronized (lock) {
            invalidations++;
            snapshot = null;
        }
    }

    private ObjectNode parse(String text) {
        try {
            JsonNode node = text == null ? null : mapper.readTree(text);
            return node instanceof ObjectNode object ? object : empty();
        } catch (JsonProcessingException e) {
            return empty();
        }
    }

    private String text(ObjectNode document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Settings document cannot be written", e);
        }
    }

    private ObjectNode empty() {
        ObjectNode document = mapper.createObjectNode();
        document.put("version", 0);
        document.putObject("ui");
        return document;
    }
}
