package dev.webui.files.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;
import io.vertx.mutiny.sqlclient.Row;

/** A row of table {@code file}. */
public record FileRow(String id, String userId, String hash, String filename, String path, JsonNode data,
                      JsonNode meta, JsonNode accessControl, long createdAt, Long updatedAt) {

    static final String COLUMNS = "f.id, f.user_id, f.hash, f.filename, f.path, f.data::text, f.meta::text, "
            + "f.access_control::text, f.created_at, f.updated_at";
    /** The same columns with the (possibly large) extracted text left out. */
    static final String COLUMNS_WITHOUT_CONTENT = COLUMNS.replace("f.data::text", "(f.data - 'content')::text");

    static FileRow from(Row row) {
        return new FileRow(row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Json.parse(row.getString(5)), Json.parse(row.getString(6)), Json.parse(row.getString(7)),
                row.getLong(8), row.getLong(9));
    }

    public FileModel toModel() {
        return new FileModel(id, userId, hash, filename, data == null ? Json.MAPPER.createObjectNode() : data,
                meta, accessControl, createdAt, updatedAt);
    }

    public String status() {
        return data == null ? null : data.path("status").asText(null);
    }

    public String content() {
        return data == null ? "" : data.path("content").asText("");
    }

    public String contentType() {
        return meta == null ? null : meta.path("content_type").asText(null);
    }

    public String displayName() {
        return meta != null && meta.hasNonNull("name") ? meta.get("name").asText() : filename;
    }
}
