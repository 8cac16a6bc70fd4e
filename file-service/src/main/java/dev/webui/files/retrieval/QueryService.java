package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.files.db.Sql;
import dev.webui.files.embedding.Embedder;
import dev.webui.files.embedding.EmbeddingEngine;
import dev.webui.files.file.FileRepository;
import dev.webui.files.knowledge.KnowledgeRepository;
import dev.webui.files.vector.ChunkStore;
import dev.webui.files.vector.ChunkStore.StoredChunk;
import dev.webui.files.vector.VectorIndex;
import dev.webui.files.vector.VectorIndex.Hit;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers /query/doc and /query/collection: cosine similarity over the collections the caller may
 * read, optionally blended with PostgreSQL full-text rank (hybrid), filtered by the relevance threshold.
 */
@ApplicationScoped
public class QueryService {
    /** Share of the keyword rank in a hybrid score; the rest is cosine similarity. */
    static final double KEYWORD_WEIGHT = 0.3;
    /** Candidates taken from each ranking before blending. */
    static final int HYBRID_CANDIDATES = 50;

    private final VectorIndex index;
    private final ChunkStore chunks;
    private final Embedder embedder;
    private final SettingsService settings;
    private final FileRepository files;
    private final KnowledgeRepository knowledge;
    private final Sql sql;

    public QueryService(VectorIndex index, ChunkStore chunks, Embedder embedder, SettingsService settings, FileRepository files,
                        KnowledgeRepository knowledge, Sql sql) {
        this.index = index;
        this.chunks = chunks;
        this.embedder = embedder;
        this.settings = settings;
        this.files = files;
        this.knowledge = knowledge;
        this.sql = sql;
    }

    public record Query(List<String> collections, String query, Integer k, Double r, Boolean hybrid) {
    }

    /** Open WebUI's query result: one inner list per query (we answer one query). */
    public record Result(List<List<Double>> distances, List<List<String>> documents, List<List<JsonNode>> metadatas) {
    }

    public Result query(AuthenticatedUser user, Query q, boolean strict) {
        if (q.query() == null || q.query().isBlank()) {
            throw ApiException.badRequest("query is required");
        }
        if (q.collections() == null || q.collections().isEmpty()) {
            throw ApiException.badRequest("collection_name is required");
        }
        List<String> allowed = new ArrayList<>();
        for (String collection : q.collections()) {
            if (collection != null && mayRead(user, collection)) {
                allowed.add(collection);
            } else if (strict) {
                throw ApiException.notFound("Collection not found: " + collection);
            }
        }
        RetrievalSettings s = settings.current();
        int k = q.k() == null ? s.topK() : q.k();
        if (k <= 0 || k > 1000) {
            throw ApiException.badRequest("k must be between 1 and 1000");
        }
        double threshold = q.r() == null ? s.relevanceThreshold() : q.r();
        boolean hybrid = q.hybrid() == null ? s.hybrid() : q.hybrid();
        if (allowed.isEmpty()) {
            return new Result(List.of(List.of()), List.of(List.of()), List.of(List.of()));
        }
        EmbeddingEngine engine = embedder.engine();
        float[] vector = engine.embed(List.of(q.query())).get(0);
        List<Hit> hits = hybrid
                ? blend(index.search(allowed, engine.model(), vector, Math.max(k, HYBRID_CANDIDATES)), keyword(allowed, engine.model(), q.query()))
                : index.search(allowed, engine.model(), vector, k);
        List<Hit> kept = hits.stream().filter(h -> h.score() >= threshold).limit(k).toList();
        Map<String, StoredChunk> stored = chunks.byIds(kept.stream().map(Hit::chunkId).toList());
        List<Double> distances = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<JsonNode> metadatas = new ArrayList<>();
        for (Hit hit : kept) {
            StoredChunk chunk = stored.get(hit.chunkId());
            if (chunk != null) {
                distances.add(hit.score());
                documents.add(chunk.text());
                metadatas.add(chunk.metadata());
            }
        }
        return new Result(List.of(distances), List.of(documents), List.of(metadatas));
    }

    /** file-{id}: the file is readable; a knowledge id: the base is readable; anything else: the caller's own collection. */
    boolean mayRead(AuthenticatedUser user, String collection) {
        if (collection.startsWith("file-")) {
            return files.readable(collection.substring(5), user.id(), user.isAdmin());
        }
        Optional<Boolean> knowledgeBase = knowledge.readability(collection, user.id(), user.isAdmin());
        if (knowledgeBase.isPresent()) {
            return knowledgeBase.get();
        }
        return sql.one("SELECT owner_id FROM rag_collection WHERE name = $1", Tuple.of(collection), row -> row.getString(0))
                .map(owner -> user.isAdmin() || user.id().equals(owner)).orElse(false);
    }

    private Map<String, Double> keyword(List<String> collections, String model, String query) {
        Map<String, Double> ranks = new HashMap<>();
        sql.list("SELECT id, ts_rank_cd(to_tsvector('simple', text), q) FROM rag_chunk, plainto_tsquery('simple', $3) q "
                        + "WHERE collection_name = ANY($1) AND embedding_model = $2 AND to_tsvector('simple', text) @@ q "
                        + "ORDER BY 2 DESC LIMIT " + HYBRID_CANDIDATES,
                Tuple.of(collections.toArray(String[]::new), model, query), row -> ranks.put(row.getString(0), row.getDouble(1)));
        return ranks;
    }

    /** (1 - w) * cosine + w * keyword rank scaled to [0, 1]; a chunk missing from one ranking scores 0 there. */
    private static List<Hit> blend(List<Hit> vector, Map<String, Double> keyword) {
        double max = keyword.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Map<String, Double> scores = new HashMap<>();
        vector.forEach(h -> scores.put(h.chunkId(), (1 - KEYWORD_WEIGHT) * h.score()));
        keyword.forEach((id, rank) -> scores.merge(id, KEYWORD_WEIGHT * (max == 0 ? 0 : rank / max), Double::sum));
        return scores.entrySet().stream().map(e -> new Hit(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(Hit::score).reversed()).toList();
    }
}
