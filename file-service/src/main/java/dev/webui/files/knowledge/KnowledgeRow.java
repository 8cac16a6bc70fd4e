package dev.webui.files.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;
import io.vertx.mutiny.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** A row of table {@code knowledge}. */
public record KnowledgeRow(String id, String userId, String name, String description, JsonNode data, JsonNode meta,
                           JsonNode accessControl, long createdAt, Long updatedAt) {
    static final String COLUMNS = "k.id, k.user_id, k.name, k.description, k.data::text, k.meta::text, "
            + "k.access_control::text, k.created_at, k.updated_at";

    static KnowledgeRow from(Row row) {
        return new KnowledgeRow(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                Json.parse(row.getString(4)), Json.parse(row.getString(5)), Json.parse(row.getString(6)),
                row.getLong(7), row.getLong(8));
    }

    public List<String> fileIds() {
        List<String> ids = new ArrayList<>();
        if (data != null && data.path("file_ids").isArray()) {
            data.get("file_ids").forEach(id -> ids.add(id.asText()));
        }
        return ids;
    }
}
