package dev.webui.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.core.settings.DocumentPaths;
import dev.webui.common.settings.SettingsDocument;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The upload limits /api/config advertises, read where file-service enforces them from: the
 * settings document's {@code rag.file.max_size} / {@code rag.file.max_count} (docs/files.md,
 * "Limits"). A path that is present wins, even as null (unlimited); a missing one falls back to
 * FILE_MAX_SIZE / FILE_MAX_COUNT.
 */
@ApplicationScoped
public class FileLimits {
    static final String MAX_SIZE_PATH = "rag.file.max_size";
    static final String MAX_COUNT_PATH = "rag.file.max_count";

    /** Each a number, or JSON null for unlimited. */
    public record Limits(JsonNode maxSize, JsonNode maxCount) {
    }

    private final SettingsDocument documents;
    private final AppConfig app;

    public FileLimits(SettingsDocument documents, AppConfig app) {
        this.documents = documents;
        this.app = app;
    }

    public Uni<Limits> current() {
        return documents.current().map(document -> {
            JsonNode size = app.fileMaxSize().<JsonNode>map(JsonNodeFactory.instance::numberNode).orElse(NullNode.instance);
            JsonNode count = app.fileMaxCount().<JsonNode>map(JsonNodeFactory.instance::numberNode).orElse(NullNode.instance);
            return new Limits(stored(document, MAX_SIZE_PATH, size), stored(document, MAX_COUNT_PATH, count));
        });
    }

    /** file-service's reading of a stored value: a whole number, null for unlimited; anything else is ignored. */
    private static JsonNode stored(JsonNode document, String path, JsonNode fallback) {
        JsonNode value = DocumentPaths.get(document, path);
        if (value == null || value.isMissingNode()) {
            return fallback;
        }
        if (value.isNull() || value.isIntegralNumber()) {
            return value;
        }
        return fallback;
    }
}
