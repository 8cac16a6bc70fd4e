package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.files.db.Json;
import dev.webui.files.db.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class SettingsRepository {
    private final Sql sql;

    public SettingsRepository(Sql sql) {
        this.sql = sql;
    }

    public ObjectNode load() {
        return sql.one("SELECT data::text FROM rag_config WHERE id = 1", Tuple.tuple(), row -> Json.parse(row.getString(0)))
                .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
                .orElseGet(Json.MAPPER::createObjectNode);
    }

    /** Merges the given keys into the stored overrides (top-level keys replace). */
    public void merge(ObjectNode patch) {
        sql.update("INSERT INTO rag_config (id, data, updated_at) VALUES (1, $1::text::jsonb, $2) "
                        + "ON CONFLICT (id) DO UPDATE SET data = rag_config.data || EXCLUDED.data, updated_at = EXCLUDED.updated_at",
                Tuple.of(Json.write(patch), Instant.now().getEpochSecond()));
    }
}
