package dev.webui.files.file;

import dev.webui.core.access.AccessSql;
import dev.webui.files.db.Json;
import dev.webui.files.db.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FileRepository {
    /**
     * $2 = caller id, $3 = caller is admin. Owner, admin, read access to a knowledge base holding the file,
     * or read access to a channel where the file's owner attached it to a message ({@code data.files},
     * docs/channels.md; api-service accepts only the author's own files there).
     */
    private static final String READABLE = "($3 OR f.user_id = $2 OR EXISTS (SELECT 1 FROM knowledge k "
            + "WHERE k.data->'file_ids' @> jsonb_build_array(f.id) AND " + AccessSql.on("k").caller("$2").read() + ") "
            + "OR EXISTS (SELECT 1 FROM message m JOIN channel c ON c.id = m.channel_id WHERE m.user_id = f.user_id "
            + "AND m.data->'files' @> jsonb_build_array(jsonb_build_object('id', f.id)) AND " + AccessSql.on("c").caller("$2").read() + "))";
    private static final String WRITABLE = "($3 OR f.user_id = $2 OR EXISTS (SELECT 1 FROM knowledge k "
            + "WHERE k.data->'file_ids' @> jsonb_build_array(f.id) AND " + AccessSql.on("k").caller("$2").write() + "))";

    private final Sql sql;

    public FileRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(FileRow f) {
        sql.update("INSERT INTO file (id, user_id, hash, filename, path, data, meta, access_control, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9, $10)",
                Tuple.from(Arrays.asList(f.id(), f.userId(), f.hash(), f.filename(), f.path(), Json.write(f.data()),
                        Json.write(f.meta()), Json.write(f.accessControl()), f.createdAt(), f.updatedAt())));
    }

    public Optional<FileRow> find(String id) {
        return sql.one("SELECT " + FileRow.COLUMNS + " FROM file f WHERE f.id = $1", Tuple.of(id), FileRow::from);
    }

    public Optional<FileRow> findReadable(String id, String userId, boolean admin) {
        return sql.one("SELECT " + FileRow.COLUMNS + " FROM file f WHERE f.id = $1 AND " + READABLE,
                Tuple.of(id, userId, admin), FileRow::from);
    }

    /** Whether the file exists and the user may read it, without reading the row (its text can be large). */
    public boolean readable(String id, String userId, boolean admin) {
        return sql.one("SELECT 1 FROM file f WHERE f.id = $1 AND " + READABLE, Tuple.of(id, userId, admin), r -> 1).isPresent();
    }

    /**
     * A file whose HTML may be shown in the chat's frame: readable by the caller, as above, and
     * uploaded by an admin (Open WebUI's rule: what a user uploads never renders as a page).
     */
    public Optional<FileRow> findReadableHtml(String id, String userId, boolean admin) {
        return sql.one("SELECT " + FileRow.COLUMNS + " FROM file f WHERE f.id = $1 AND " + READABLE
                + " AND EXISTS (SELECT 1 FROM \"user\" u WHERE u.id = f.user_id AND u.role = 'admin')",
                Tuple.of(id, userId, admin), FileRow::from);
    }

    public Optional<FileRow> findWritable(String id, String userId, boolean admin) {
        return sql.one("SELECT " + FileRow.COLUMNS + " FROM file f WHERE f.id = $1 AND " + WRITABLE,
                Tuple.of(id, userId, admin), FileRow::from);
    }

    /** Processing status only, for the status stream (runs on the event loop). */
    public Uni<Optional<ProcessingStatus>> status(String id, String userId, boolean admin) {
        return sql.pool().preparedQuery("SELECT f.data->>'status', f.data->>'error' FROM file f WHERE f.id = $1 AND " + READABLE)
                .execute(Tuple.of(id, userId, admin))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(ProcessingStatus.of(rows.iterator().next().getString(0), rows.iterator().next().getString(1))));
    }

    public List<FileRow> list(String userId, boolean all, boolean withContent) {
        String columns = withContent ? FileRow.COLUMNS : FileRow.COLUMNS_WITHOUT_CONTENT;
        return sql.list("SELECT " + columns + " FROM file f WHERE $2 OR f.user_id = $1 ORDER BY f.updated_at DESC NULLS LAST, f.id",
                Tuple.of(userId, all), FileRow::from);
    }

    public List<FileRow> searchByName(String userId, boolean all, String likePattern) {
        return sql.list("SELECT " + FileRow.COLUMNS_WITHOUT_CONTENT + " FROM file f WHERE ($2 OR f.user_id = $1) "
                        + "AND f.filename ILIKE $3 ESCAPE '\\' ORDER BY f.updated_at DESC NULLS LAST, f.id",
                Tuple.of(userId, all, likePattern), FileRow::from);
    }

    /** Merges keys into {@code data}; returns false when the file is gone. */
    public boolean mergeData(String id, Object patch) {
        return sql.update("UPDATE file SET data = coalesce(data, '{}'::jsonb) || $2::text::jsonb, updated_at = $3 WHERE id = $1",
                Tuple.of(id, Json.write(patch), Instant.now().getEpochSecond())) > 0;
    }

    /** Replaces {@code data}; {@code hash} (SHA-256 of the bytes, set at upload) is never changed by processing. */
    public boolean setData(String id, Object data) {
        return sql.update("UPDATE file SET data = $2::text::jsonb, updated_at = $3 WHERE id = $1",
                Tuple.of(id, Json.write(data), Instant.now().getEpochSecond())) > 0;
    }

    /** Deletes the row and takes the id out of every knowledge base that lists it. */
    public boolean delete(String id) {
        return sql.inTransaction(conn -> conn.preparedQuery("DELETE FROM file WHERE id = $1").execute(Tuple.of(id))
                .call(() -> conn.preparedQuery("UPDATE knowledge SET data = jsonb_set(data, '{file_ids}', (data->'file_ids') - $1) "
                        + "WHERE data->'file_ids' @> jsonb_build_array($1::text)").execute(Tuple.of(id)))
                .map(rows -> rows.rowCount() > 0));
    }

    /** Every stored location, for deleting all files. */
    public List<FileRow> allLocations() {
        return sql.list("SELECT f.id, f.path FROM file f", Tuple.tuple(),
                row -> new FileRow(row.getString(0), null, null, null, row.getString(1), null, null, null, 0, null));
    }
}
