package dev.webui.files.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Environment defaults of chunking, embeddings and retrieval; admins override them through /retrieval. */
@ConfigMapping(prefix = "")
public interface RagConfig {
    /** CHUNK_SIZE: characters per chunk. */
    @WithName("CHUNK_SIZE")
    @WithDefault("1000")
    int chunkSize();

    /** CHUNK_OVERLAP: characters shared by neighbouring chunks. */
    @WithName("CHUNK_OVERLAP")
    @WithDefault("100")
    int chunkOverlap();

    /** RAG_TOP_K: chunks returned per query. */
    @WithName("RAG_TOP_K")
    @WithDefault("3")
    int ragTopK();

    /** RAG_RELEVANCE_THRESHOLD: minimum score (0..1) of a returned chunk. */
    @WithName("RAG_RELEVANCE_THRESHOLD")
    @WithDefault("0.0")
    double ragRelevanceThreshold();

    /** ENABLE_RAG_HYBRID_SEARCH: blend keyword (full-text) ranking into the vector ranking. */
    @WithName("ENABLE_RAG_HYBRID_SEARCH")
    @WithDefault("false")
    boolean enableRagHybridSearch();

    /** RAG_EMBEDDING_ENGINE: "" (in-process all-MiniLM-L6-v2) or "openai". */
    @WithName("RAG_EMBEDDING_ENGINE")
    Optional<String> ragEmbeddingEngine();

    /** RAG_EMBEDDING_MODEL: model name; the in-process engine only has all-MiniLM-L6-v2. */
    @WithName("RAG_EMBEDDING_MODEL")
    @WithDefault("sentence-transformers/all-MiniLM-L6-v2")
    String ragEmbeddingModel();

    /** RAG_EMBEDDING_BATCH_SIZE: chunks per embedding request. */
    @WithName("RAG_EMBEDDING_BATCH_SIZE")
    @WithDefault("32")
    int ragEmbeddingBatchSize();

    /** RAG_OPENAI_API_BASE_URL: base URL of the OpenAI-compatible embeddings endpoint. */
    @WithName("RAG_OPENAI_API_BASE_URL")
    @WithDefault("https://api.openai.com/v1")
    String ragOpenaiApiBaseUrl();

    /** RAG_OPENAI_API_KEY: bearer key for it. */
    @WithName("RAG_OPENAI_API_KEY")
    Optional<String> ragOpenaiApiKey();

    /** RAG_VECTOR_CACHE_MB: memory per replica for collection vectors kept between queries. */
    @WithName("RAG_VECTOR_CACHE_MB")
    @WithDefault("512")
    int ragVectorCacheMb();
}
