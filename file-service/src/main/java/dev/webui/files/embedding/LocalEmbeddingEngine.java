package dev.webui.files.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.webui.files.retrieval.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in-process by ONNX Runtime; the model file ships inside a
 * Maven artifact, so nothing is downloaded. Loaded on first use (about 90 MB of memory); see
 * {@link MiniLmModel} for how it runs.
 */
@ApplicationScoped
public class LocalEmbeddingEngine implements EmbeddingEngine {
    private volatile MiniLmModel model;

    @Override
    public String model() {
        return SettingsService.LOCAL_MODEL;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return loaded().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private MiniLmModel loaded() {
        MiniLmModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    model = MiniLmModel.load();
                }
                current = model;
            }
        }
        return current;
    }
}
