package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.redis.RedisKeys;
import dev.webui.files.db.Json;
import dev.webui.files.db.Sql;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.Map;

/**
 * The suite's admin settings document ({@code config.data}, the row with the highest id), read and
 * written at Open WebUI's dotted paths, so that api-service's /api/config and file-service agree
 * on the file limits. Every other key of the document is left as it is.
 */
@ApplicationScoped
public class ConfigDocumentRepository {
    /** The advisory locks api-service ({@code hashtext('config')}) and auth-service take before writing the document. */
    private static final String[] WRITER_LOCKS = {"SELECT pg_advisory_xact_lock(hashtext('config'))", "SELECT pg_advisory_xact_lock(1870095206)"};

    private final Sql sql;
    private final RedisDataSource redis;
    private final RedisKeys keys;

    public ConfigDocumentRepository(Sql sql, RedisDataSource redis, RedisKeys keys) {
        this.sql = sql;
        this.redis = redis;
        this.keys = keys;
    }

    /** The stored document, or an empty object when none was ever written. */
    public ObjectNode load() {
        return sql.one("SELECT data::text FROM config ORDER BY id DESC LIMIT 1", Tuple.tuple(), row -> Json.parse(row.getString(0)))
                .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
                .orElseGet(Json.MAPPER::createObjectNode);
    }

    /** The value at a dotted path; Java null when a step is missing (a stored JSON null is returned as such). */
    public static JsonNode get(JsonNode document, String path) {
        JsonNode current = document;
        for (String step : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current;
    }

    /** Sets each dotted path in one transaction, then makes the other services re-read the document. */
    public void write(Map<String, JsonNode> values) {
        sql.inTransaction(conn -> conn.query(WRITER_LOCKS[0]).execute()
                .chain(() -> conn.query(WRITER_LOCKS[1]).execute())
                .chain(() -> conn.query("SELECT id, data::text FROM config ORDER BY id DESC LIMIT 1 FOR UPDATE").execute())
                .chain(rows -> {
                    Iterator<Row> it = rows.iterator();
                    Row row = it.hasNext() ? it.next() : null;
                    JsonNode parsed = row == null ? null : Json.parse(row.getString(1));
                    ObjectNode document = parsed instanceof ObjectNode object ? object : emptyDocument();
                    values.forEach((path, value) -> set(document, path, value));
                    Uni<?> written = row == null
                            ? conn.preparedQuery("INSERT INTO config (data, version, created_at, updated_at) VALUES ($1::text::jsonb, 0, now(), now())")
                                    .execute(Tuple.of(Json.write(document)))
                            : conn.preparedQuery("UPDATE config SET data = $1::text::jsonb, updated_at = now() WHERE id = $2")
                                    .execute(Tuple.of(Json.write(document), row.getInteger(0)));
                    return written.replaceWithVoid();
                }));
        // api-service serves the document from a Redis copy: drop it and announce the change (docs/api.md)
        redis.key().del(keys.settingsDocument());
        redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed");
    }

    private static ObjectNode emptyDocument() {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("version", 0);
        document.putObject("ui");
        return document;
    }

    private static void set(ObjectNode document, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        ObjectNode current = document;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = current.get(steps[i]);
            current = next instanceof ObjectNode object ? object : current.putObject(steps[i]);
        }
        current.set(steps[steps.length - 1], value);
    }
}
