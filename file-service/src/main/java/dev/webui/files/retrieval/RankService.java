package dev.webui.files.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.webui.common.error.ApiException;
import dev.webui.files.embedding.Embedder;
import dev.webui.files.embedding.EmbeddingCache;
import dev.webui.files.embedding.EmbeddingEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks texts the caller sends (api-service's memories of a user) by cosine similarity to a query,
 * with the embedding engine of the current settings. Nothing is stored but the cached vectors.
 */
@ApplicationScoped
public class RankService {
    public static final int MAX_TEXTS = 500;
    public static final int MAX_CHARACTERS = 1_000_000;
    static final int DEFAULT_K = 3;

    public record Ranked(int index, double score) {
    }

    private final Embedder embedder;
    private final EmbeddingCache cache;

    public RankService(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    /** The k texts most similar to the query, best first (ties: the earlier text first). */
    public List<Ranked> rank(String query, List<String> texts, Integer k) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("query is required");
        }
        if (texts == null) {
            throw ApiException.badRequest("texts is required");
        }
        if (texts.size() > MAX_TEXTS) {
            throw ApiException.badRequest("At most " + MAX_TEXTS + " texts can be ranked at once, got " + texts.size());
        }
        long characters = query.length();
        for (String text : texts) {
            if (text == null) {
                throw ApiException.badRequest("texts must be strings");
            }
            characters += text.length();
        }
        if (characters > MAX_CHARACTERS) {
            throw ApiException.badRequest("The query and texts may hold at most " + MAX_CHARACTERS + " characters, got " + characters);
        }
        int top = k == null ? DEFAULT_K : k;
        if (top <= 0 || top > MAX_TEXTS) {
            throw ApiException.badRequest("k must be between 1 and " + MAX_TEXTS);
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        EmbeddingEngine engine = embedder.engine();
        Embedding asked = Embedding.from(engine.embed(List.of(query)).get(0));
        List<float[]> vectors = cache.embed(engine, texts);
        List<Ranked> ranked = new ArrayList<>(texts.size());
        for (int i = 0; i < vectors.size(); i++) {
            ranked.add(new Ranked(i, CosineSimilarity.between(asked, Embedding.from(vectors.get(i)))));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::index));
        return ranked.subList(0, Math.min(top, ranked.size()));
    }
}
