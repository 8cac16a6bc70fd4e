package dev.webui.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.settings.SettingsDocument;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.DocumentPaths;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The upload limits /api/config advertises, read where file-service enforces them from: the
 * settings document's {@code rag.file.max_size} / {@code rag.file.max_count} (docs/files.md,
 * "Limits"), whatever ENABLE_PERSISTENT_CONFIG says, as file-service does. A path that is present
 * wins, even as null (unlimited); a missing one falls back to FILE_MAX_SIZE / FILE_MAX_COUNT.
 */
@ApplicationScoped
public class FileLimits {
    /** Each a number, or JSON null for unlimited. */
    public record Limits(JsonNode maxSize, JsonNode maxCount) {
    }

    private final SettingsDocument documents;
    private final SettingsReader settings;

    public FileLimits(SettingsDocument documents, SettingsReader settings) {
        this.documents = documents;
        this.settings = settings;
    }

    public Uni<Limits> current() {
        return documents.current().map(this::of);
    }

    /** The limits when the settings document is at hand; null when it must be read. */
    public Limits currentNow() {
        ObjectNode document = documents.fresh();
        return document == null ? null : of(document);
    }

    private Limits of(JsonNode document) {
        return new Limits(stored(document, Settings.FILE_MAX_SIZE), stored(document, Settings.FILE_MAX_COUNT));
    }

    /** file-service's reading of a stored value: a whole number, null for unlimited; anything else is ignored. */
    private JsonNode stored(JsonNode document, Setting setting) {
        JsonNode fallback = settings.environment(setting);
        JsonNode value = DocumentPaths.get(document, setting.path());
        if (value == null || value.isMissingNode()) {
            return fallback;
        }
        if (value.isNull() || value.isIntegralNumber()) {
            return value;
        }
        return fallback;
    }
}
