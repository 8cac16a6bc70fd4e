package dev.webui.files.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.webui.files.retrieval.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in-process by ONNX Runtime; the model file ships inside a
 * Maven artifact, so nothing is downloaded. Loaded on first use (about 90 MB of memory).
 */
@ApplicationScoped
public class LocalEmbeddingEngine implements EmbeddingEngine {
    private volatile AllMiniLmL6V2EmbeddingModel model;

    @Override
    public String model() {
        return SettingsService.LOCAL_MODEL;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return loaded().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private AllMiniLmL6V2EmbeddingModel loaded() {
        AllMiniLmL6V2EmbeddingModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    // the calling worker thread runs inference; no extra thread pool per replica
                    Executor sameThread = Runnable::run;
                    model = new AllMiniLmL6V2EmbeddingModel(sameThread);
                }
                current = model;
            }
        }
        return current;
    }
}
