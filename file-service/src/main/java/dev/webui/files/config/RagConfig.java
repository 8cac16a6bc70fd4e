package dev.webui.files.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Process-level retrieval configuration. The settings admins change (chunking, embeddings, top k,
 * web search...) are registered settings ({@code dev.webui.core.settings.Settings}), not here.
 */
@ConfigMapping(prefix = "")
public interface RagConfig {
    /** RAG_VECTOR_CACHE_MB: memory per replica for collection vectors kept between queries. */
    @WithName("RAG_VECTOR_CACHE_MB")
    @WithDefault("512")
    int ragVectorCacheMb();
}
