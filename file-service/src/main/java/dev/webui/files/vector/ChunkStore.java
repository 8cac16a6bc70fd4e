package dev.webui.files.vector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;
import dev.webui.files.db.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Table rag_chunk. Every change bumps the collection's version in rag_collection in the same
 * transaction, which tells every replica's {@link VectorIndex} to reload that collection.
 */
@ApplicationScoped
public class ChunkStore {
    private static final String BUMP = "INSERT INTO rag_collection (name, version) SELECT DISTINCT unnest($1::text[]), 1 "
            + "ON CONFLICT (name) DO UPDATE SET version = rag_collection.version + 1";

    private final Sql sql;

    public ChunkStore(Sql sql) {
        this.sql = sql;
    }

    /** Replaces what {@code fileId} (or, when null, anything) had in the collection with these chunks. */
    public void replace(String collection, String fileId, List<Chunk> chunks, String model, Map<String, Object> metadata) {
        replace(collection, fileId, chunks, model, chunks.stream().map(c -> metadata).toList());
    }

    /** Replaces the collection's whole content with chunks that each carry their own metadata (several sources). */
    public void replace(String collection, String fileId, List<Chunk> chunks, String model, List<Map<String, Object>> metadata) {
        List<Tuple> rows = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            rows.add(Tuple.tuple(List.of(UUID.randomUUID().toString(), collection, fileId == null ? "" : fileId, c.position(),
                    Json.stripNul(c.text()), Json.write(metadata.get(i)), boxed(c.embedding()), model)));
        }
        sql.inTransaction(conn -> deleteIn(conn, collection, fileId)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : conn.preparedQuery("INSERT INTO rag_chunk (id, collection_name, file_id, position, text, metadata, embedding, embedding_model) "
                                + "VALUES ($1, $2, nullif($3, ''), $4, $5, $6::text::jsonb, $7, $8)").executeBatch(rows).replaceWithVoid())
                .chain(() -> bump(conn, List.of(collection))));
    }

    /** Copies a processed file's chunks (collection file-{id}) into another collection without re-embedding. */
    public int copyFile(String fileId, String collection) {
        return sql.inTransaction(conn -> deleteIn(conn, collection, fileId)
                .chain(() -> conn.preparedQuery("INSERT INTO rag_chunk (id, collection_name, file_id, position, text, metadata, embedding, embedding_model) "
                                + "SELECT gen_random_uuid()::text, $2, file_id, position, text, metadata, embedding, embedding_model "
                                + "FROM rag_chunk WHERE collection_name = $3 AND file_id = $1")
                        .execute(Tuple.of(fileId, collection, fileCollection(fileId))))
                .chain(result -> bump(conn, List.of(collection)).replaceWith(result.rowCount())));
    }

    public void removeFromCollection(String collection, String fileId) {
        sql.inTransaction(conn -> deleteIn(conn, collection, fileId).chain(() -> bump(conn, List.of(collection))));
    }

    /** Removes a file's chunks from every collection. */
    public void removeFile(String fileId) {
        sql.inTransaction(conn -> conn.preparedQuery("DELETE FROM rag_chunk WHERE file_id = $1 RETURNING collection_name")
                .execute(Tuple.of(fileId))
                .chain(rows -> {
                    List<String> names = new ArrayList<>();
                    rows.forEach(r -> names.add(r.getString(0)));
                    return names.isEmpty() ? Uni.createFrom().voidItem() : bump(conn, names);
                }));
    }

    public void dropCollection(String collection) {
        sql.inTransaction(conn -> conn.preparedQuery("DELETE FROM rag_chunk WHERE collection_name = $1").execute(Tuple.of(collection))
                .chain(() -> bump(conn, List.of(collection))));
    }

    public static String fileCollection(String fileId) {
        return "file-" + fileId;
    }

    /** Texts and metadata of chunks by id, for the few that a query returns. */
    public Map<String, StoredChunk> byIds(List<String> ids) {
        Map<String, StoredChunk> out = new java.util.HashMap<>();
        sql.list("SELECT id, collection_name, file_id, text, metadata::text FROM rag_chunk WHERE id = ANY($1)",
                Tuple.of(ids.toArray(String[]::new)),
                row -> out.put(row.getString(0), new StoredChunk(row.getString(0), row.getString(1), row.getString(2),
                        row.getString(3), Json.parse(row.getString(4)))));
        return out;
    }

    /** A stored chunk's text and metadata. */
    public record StoredChunk(String id, String collection, String fileId, String text, JsonNode metadata) {
    }

    private static Uni<Void> deleteIn(SqlConnection conn, String collection, String fileId) {
        return fileId == null
                ? conn.preparedQuery("DELETE FROM rag_chunk WHERE collection_name = $1").execute(Tuple.of(collection)).replaceWithVoid()
                : conn.preparedQuery("DELETE FROM rag_chunk WHERE collection_name = $1 AND file_id = $2")
                        .execute(Tuple.of(collection, fileId)).replaceWithVoid();
    }

    private static Uni<Void> bump(SqlConnection conn, List<String> collections) {
        return conn.preparedQuery(BUMP).execute(Tuple.of(collections.toArray(String[]::new))).replaceWithVoid();
    }

    private static Float[] boxed(float[] vector) {
        Float[] out = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i];
        }
        return out;
    }
}
