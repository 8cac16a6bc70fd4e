package dev.webui.files.retrieval;

import java.util.List;

/** The retrieval settings in force: environment defaults overlaid with what admins stored. */
public record RetrievalSettings(
        int chunkSize,
        int chunkOverlap,
        int topK,
        double relevanceThreshold,
        boolean hybrid,
        String template,
        Long fileMaxSizeMb,
        Integer fileMaxCount,
        List<String> allowedExtensions,
        String embeddingEngine,
        String embeddingModel,
        int embeddingBatchSize,
        String openaiUrl,
        String openaiKey) {

    public boolean openaiEngine() {
        return "openai".equals(embeddingEngine);
    }

    public Long fileMaxSizeBytes() {
        return fileMaxSizeMb == null ? null : fileMaxSizeMb * 1024 * 1024;
    }
}
