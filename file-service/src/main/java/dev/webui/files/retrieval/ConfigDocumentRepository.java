package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.core.settings.DocumentPaths;
import dev.webui.common.settings.SettingsDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;

/**
 * The suite's admin settings document ({@code config.data}), read and written at Open WebUI's
 * dotted paths through the store every service shares, so that api-service's /api/config and
 * file-service agree on the file limits. Blocking, for file-service's worker threads.
 */
@ApplicationScoped
public class ConfigDocumentRepository {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SettingsDocument documents;

    public ConfigDocumentRepository(SettingsDocument documents) {
        this.documents = documents;
    }

    /** The stored document (shared: do not modify), or an empty object when none was ever written. */
    public ObjectNode load() {
        return documents.current().await().atMost(WAIT);
    }

    /** The value at a dotted path; Java null when a step is missing (a stored JSON null is returned as such). */
    public static JsonNode get(JsonNode document, String path) {
        return DocumentPaths.get(document, path);
    }

    /** Sets each dotted path in one locked write; the other services are told to re-read. */
    public void write(Map<String, JsonNode> values) {
        documents.set(values).await().atMost(WAIT);
    }
}
