package dev.webui.files.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.files.retrieval.RetrievalSettings;
import dev.webui.files.retrieval.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** The embedding engine of the current settings, fed in batches of RAG_EMBEDDING_BATCH_SIZE. */
@ApplicationScoped
public class Embedder {
    private final SettingsService settings;
    private final LocalEmbeddingEngine local;
    private final Cache<String, OpenAiEmbeddingEngine> remotes = Caffeine.newBuilder().maximumSize(8).build();

    public Embedder(SettingsService settings, LocalEmbeddingEngine local) {
        this.settings = settings;
        this.local = local;
    }

    public EmbeddingEngine engine() {
        RetrievalSettings s = settings.current();
        if (!s.openaiEngine()) {
            return local;
        }
        return remotes.get(s.openaiUrl() + "\n" + s.openaiKey() + "\n" + s.embeddingModel(),
                key -> new OpenAiEmbeddingEngine(s.openaiUrl(), s.openaiKey(), s.embeddingModel()));
    }

    /** Embeds all texts with one engine, reporting how many are done after each batch. */
    public List<float[]> embed(EmbeddingEngine engine, List<String> texts, IntConsumer progress) {
        int batch = settings.current().embeddingBatchSize();
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batch) {
            out.addAll(engine.embed(texts.subList(from, Math.min(texts.size(), from + batch))));
            progress.accept(out.size());
        }
        return out;
    }
}
