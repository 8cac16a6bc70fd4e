package dev.webui.files.processing;

import dev.webui.files.embedding.Embedder;
import dev.webui.files.embedding.EmbeddingEngine;
import dev.webui.files.file.FileRow;
import dev.webui.files.retrieval.RetrievalSettings;
import dev.webui.files.retrieval.SettingsService;
import dev.webui.files.vector.Chunk;
import dev.webui.files.vector.ChunkStore;
import dev.webui.files.db.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chunks and embeds text into collections: a file's own (file-{id}) and every knowledge base that holds it. */
@ApplicationScoped
public class Indexer {
    /** Called with (chunks embedded so far, chunks in all). */
    public interface Progress {
        void report(int done, int total);
    }

    private final Chunker chunker;
    private final Embedder embedder;
    private final ChunkStore chunks;
    private final SettingsService settings;
    private final Sql sql;

    public Indexer(Chunker chunker, Embedder embedder, ChunkStore chunks, SettingsService settings, Sql sql) {
        this.chunker = chunker;
        this.embedder = embedder;
        this.chunks = chunks;
        this.settings = settings;
        this.sql = sql;
    }

    public void indexFile(FileRow file, String text, Progress progress) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("file_id", file.id());
        metadata.put("name", file.displayName());
        metadata.put("source", file.displayName());
        metadata.put("created_by", file.userId());
        indexText(ChunkStore.fileCollection(file.id()), file.id(), text, metadata, progress);
        for (String knowledge : knowledgeHolding(file.id())) {
            chunks.copyFile(file.id(), knowledge);
        }
    }

    /** Chunks and embeds text into one collection, replacing what {@code fileId} had there. */
    public int indexText(String collection, String fileId, String text, Map<String, Object> metadata, Progress progress) {
        RetrievalSettings s = settings.current();
        List<String> pieces = chunker.split(text, s.chunkSize(), s.chunkOverlap());
        EmbeddingEngine engine = embedder.engine();
        progress.report(0, pieces.size());
        List<float[]> vectors = embedder.embed(engine, pieces, done -> progress.report(done, pieces.size()));
        List<Chunk> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            out.add(new Chunk(i, pieces.get(i), vectors.get(i)));
        }
        chunks.replace(collection, fileId, out, engine.model(), metadata);
        return out.size();
    }

    /** Chunks and embeds several texts, each with its own metadata, as the whole content of one collection. */
    public int indexDocuments(String collection, List<String> texts, List<Map<String, Object>> metadata) {
        RetrievalSettings s = settings.current();
        List<String> pieces = new ArrayList<>();
        List<Map<String, Object>> pieceMetadata = new ArrayList<>();
        for (int d = 0; d < texts.size(); d++) {
            for (String piece : chunker.split(texts.get(d), s.chunkSize(), s.chunkOverlap())) {
                pieces.add(piece);
                pieceMetadata.add(metadata.get(d));
            }
        }
        EmbeddingEngine engine = embedder.engine();
        List<float[]> vectors = embedder.embed(engine, pieces, done -> { });
        List<Chunk> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            out.add(new Chunk(i, pieces.get(i), vectors.get(i)));
        }
        chunks.replace(collection, null, out, engine.model(), pieceMetadata);
        return out.size();
    }

    public void forgetFile(String fileId) {
        chunks.removeFile(fileId);
    }

    private List<String> knowledgeHolding(String fileId) {
        return sql.list("SELECT id FROM knowledge WHERE data->'file_ids' @> jsonb_build_array($1::text)",
                Tuple.of(fileId), row -> row.getString(0));
    }
}
