package dev.webui.files.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.core.access.AccessSql;
import dev.webui.core.permission.Permissions;
import dev.webui.files.db.Json;
import dev.webui.files.db.Sql;
import dev.webui.files.knowledge.KnowledgeModels.FileMetadata;
import dev.webui.files.knowledge.KnowledgeModels.UserSummary;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class KnowledgeRepository {
    // $1 caller, $2 caller is an admin (the admin bypass applies to knowledge)
    private static final String READABLE = AccessSql.on("k").caller("$1").bypass("$2").read();
    private static final String WRITABLE = AccessSql.on("k").caller("$1").bypass("$2").write();

    private final Sql sql;

    public KnowledgeRepository(Sql sql) {
        this.sql = sql;
    }

    public List<KnowledgeRow> listReadable(String userId, boolean admin) {
        return sql.list("SELECT " + KnowledgeRow.COLUMNS + " FROM knowledge k WHERE " + READABLE
                + " ORDER BY k.updated_at DESC NULLS LAST, k.id", Tuple.of(userId, admin), KnowledgeRow::from);
    }

    public List<KnowledgeRow> listWritable(String userId, boolean admin) {
        return sql.list("SELECT " + KnowledgeRow.COLUMNS + " FROM knowledge k WHERE " + WRITABLE
                + " ORDER BY k.updated_at DESC NULLS LAST, k.id", Tuple.of(userId, admin), KnowledgeRow::from);
    }

    public Optional<KnowledgeRow> find(String id) {
        return sql.one("SELECT " + KnowledgeRow.COLUMNS + " FROM knowledge k WHERE k.id = $1", Tuple.of(id), KnowledgeRow::from);
    }

    public boolean readable(String id, String userId, boolean admin) {
        return sql.one("SELECT 1 FROM knowledge k WHERE k.id = $3 AND " + READABLE, Tuple.of(userId, admin, id), r -> 1).isPresent();
    }

    /** Empty when no knowledge base has this id, else whether the user may read it (one query). */
    public Optional<Boolean> readability(String id, String userId, boolean admin) {
        return sql.one("SELECT " + READABLE + " FROM knowledge k WHERE k.id = $3", Tuple.of(userId, admin, id),
                r -> r.getBoolean(0));
    }

    public boolean writable(String id, String userId, boolean admin) {
        return sql.one("SELECT 1 FROM knowledge k WHERE k.id = $3 AND " + WRITABLE, Tuple.of(userId, admin, id), r -> 1).isPresent();
    }

    public List<KnowledgeRow> all() {
        return sql.list("SELECT " + KnowledgeRow.COLUMNS + " FROM knowledge k", Tuple.tuple(), KnowledgeRow::from);
    }

    public void insert(KnowledgeRow k) {
        sql.update("INSERT INTO knowledge (id, user_id, name, description, data, meta, access_control, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8, $9)",
                Tuple.from(Arrays.asList(k.id(), k.userId(), Json.stripNul(k.name()), Json.stripNul(k.description()),
                        Json.write(k.data()), Json.write(k.meta()), Json.write(k.accessControl()), k.createdAt(), k.updatedAt())));
    }

    public void update(KnowledgeRow k) {
        sql.update("UPDATE knowledge SET name = $2, description = $3, data = $4::text::jsonb, meta = $5::text::jsonb, "
                        + "access_control = $6::text::jsonb, updated_at = $7 WHERE id = $1",
                Tuple.from(Arrays.asList(k.id(), Json.stripNul(k.name()), Json.stripNul(k.description()), Json.write(k.data()),
                        Json.write(k.meta()), Json.write(k.accessControl()), k.updatedAt())));
    }

    /** Adds file ids to data.file_ids atomically (no lost update when two requests add at once). */
    public void addFileIds(String id, List<String> fileIds, long now) {
        sql.update("UPDATE knowledge SET data = jsonb_set(coalesce(data, '{}'::jsonb), '{file_ids}', "
                        + "(SELECT coalesce(jsonb_agg(DISTINCT v), '[]'::jsonb) FROM (SELECT jsonb_array_elements_text("
                        + "coalesce(data->'file_ids', '[]'::jsonb)) AS v UNION SELECT unnest($2::text[])) ids)), updated_at = $3 WHERE id = $1",
                Tuple.of(id, fileIds.toArray(String[]::new), now));
    }

    public void removeFileId(String id, String fileId, long now) {
        sql.update("UPDATE knowledge SET data = jsonb_set(coalesce(data, '{}'::jsonb), '{file_ids}', "
                        + "coalesce(data->'file_ids', '[]'::jsonb) - $2), updated_at = $3 WHERE id = $1",
                Tuple.of(id, fileId, now));
    }

    public void delete(String id) {
        sql.update("DELETE FROM knowledge WHERE id = $1", Tuple.of(id));
    }

    public List<FileMetadata> files(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT id, meta::text, created_at, updated_at FROM file WHERE id = ANY($1) ORDER BY created_at, id",
                Tuple.of(ids.toArray(String[]::new)),
                row -> new FileMetadata(row.getString(0), Json.parse(row.getString(1)), row.getLong(2), row.getLong(3)));
    }

    public Map<String, UserSummary> users(List<String> ids) {
        Map<String, UserSummary> out = new HashMap<>();
        sql.list("SELECT id, name, email, role, profile_image_url FROM \"user\" WHERE id = ANY($1)",
                Tuple.of(ids.toArray(String[]::new)),
                row -> out.put(row.getString(0), new UserSummary(row.getString(0), row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4))));
        return out;
    }

    /** Whether the user's effective feature permissions grant {@code section.key}: stored defaults and groups, one query. */
    public boolean permitted(String userId, String section, String key) {
        return sql.one("SELECT (SELECT c.data #> '{user,permissions}' FROM config c ORDER BY c.id DESC LIMIT 1)::text, "
                        + "coalesce((SELECT jsonb_agg(g.permissions) FROM group_member gm JOIN \"group\" g ON g.id = gm.group_id "
                        + "WHERE gm.user_id = $1), '[]'::jsonb)::text",
                Tuple.of(userId), row -> {
                    List<JsonNode> groups = new ArrayList<>();
                    Json.parse(row.getString(1)).forEach(groups::add);
                    return Permissions.allows(Permissions.effective(Json.parse(row.getString(0)), groups), section, key);
                }).orElse(false);
    }
}
