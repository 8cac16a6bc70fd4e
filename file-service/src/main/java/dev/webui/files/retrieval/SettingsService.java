package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.error.ApiException;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.DefaultRagTemplate;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.files.config.RagConfig;
import dev.webui.files.db.Json;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Effective retrieval settings. Stored overrides use the flat UPPER_CASE keys of Open WebUI's
 * /retrieval/config in rag_config, except the registered settings api-service reads too (the file
 * limits {@link #FILE_LIMIT_PATHS} and {@link #SHARED_PATHS}), which live at their paths of the
 * shared config document.
 * Every replica re-reads them at most {@link #REFRESH} after a change.
 */
@ApplicationScoped
public class SettingsService {
    private static final Logger LOG = Logger.getLogger(SettingsService.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    public static final String LOCAL_MODEL = "sentence-transformers/all-MiniLM-L6-v2";
    /** /retrieval/config key -> its setting in the registry, kept at that path of config.data. */
    public static final Map<String, Setting> FILE_LIMIT_PATHS = Map.of(
            "FILE_MAX_SIZE", Settings.FILE_MAX_SIZE,
            "FILE_MAX_COUNT", Settings.FILE_MAX_COUNT,
            "ALLOWED_FILE_EXTENSIONS", Settings.ALLOWED_FILE_EXTENSIONS);
    /** Catalogued keys api-service also reads (for /api/config), kept at their paths of config.data too. */
    static final Map<String, Setting> SHARED_PATHS = Map.of(
            "ENABLE_WEB_SEARCH", Settings.ENABLE_WEB_SEARCH,
            "ENABLE_GOOGLE_DRIVE_INTEGRATION", Settings.ENABLE_GOOGLE_DRIVE,
            "ENABLE_ONEDRIVE_INTEGRATION", Settings.ENABLE_ONEDRIVE,
            "FILE_IMAGE_COMPRESSION_WIDTH", Settings.IMAGE_COMPRESSION_WIDTH,
            "FILE_IMAGE_COMPRESSION_HEIGHT", Settings.IMAGE_COMPRESSION_HEIGHT);

    private final RagConfig rag;
    private final SettingsRepository repository;
    private final ConfigDocumentRepository document;
    private final Config config;
    private final SettingsReader settings;
    private final LoadingCache<String, RetrievalSettings> cache;
    private volatile RetrievalSettings last;

    public SettingsService(RagConfig rag, SettingsRepository repository, ConfigDocumentRepository document,
                           Config config, SettingsReader settings) {
        this.config = config;
        this.settings = settings;
        this.rag = rag;
        this.repository = repository;
        this.document = document;
        this.cache = Caffeine.newBuilder().expireAfterWrite(REFRESH).build(key -> resolve(stored()));
    }

    void checkEnvironment(@Observes StartupEvent event) {
        String engine = rag.ragEmbeddingEngine().orElse("");
        if (!engine.isEmpty() && !"openai".equals(engine)) {
            throw new InvalidConfigurationException("RAG_EMBEDDING_ENGINE must be empty (in-process) or openai, not '" + engine + "'");
        }
        if (engine.isEmpty() && !LOCAL_MODEL.equals(rag.ragEmbeddingModel())) {
            throw new InvalidConfigurationException("The in-process embedding engine only has " + LOCAL_MODEL
                    + "; set RAG_EMBEDDING_ENGINE=openai to use " + rag.ragEmbeddingModel());
        }
        if (rag.chunkOverlap() >= rag.chunkSize() || rag.chunkSize() <= 0 || rag.chunkOverlap() < 0) {
            throw new InvalidConfigurationException("CHUNK_OVERLAP must be at least 0 and smaller than CHUNK_SIZE");
        }
        current();
    }

    public RetrievalSettings current() {
        RetrievalSettings s = cache.get("");
        last = s;
        return s;
    }

    /** The last settings this replica read, without waiting for the database (for the event loop); refreshed in the background. */
    public RetrievalSettings cached() {
        RetrievalSettings s = cache.getIfPresent("");
        if (s == null) {
            ForkJoinPool.commonPool().execute(this::current);
            return last;
        }
        return s;
    }

    /** The environment defaults as /retrieval/config keys, overlaid with the stored overrides. */
    public ObjectNode view() {
        ObjectNode out = defaults();
        out.setAll(stored());
        return out;
    }

    /** What admins saved: rag_config's keys, with the file limits taken from the config document. */
    private ObjectNode stored() {
        ObjectNode loaded = repository.load();
        // a web block saved whole by an earlier version is read as the flat keys it holds
        ObjectNode out = loaded.get("web") instanceof ObjectNode ? SettingsCatalog.flattenWeb(loaded) : loaded;
        ObjectNode config = document.load();
        for (Map.Entry<String, Setting> shared : SHARED_PATHS.entrySet()) {
            out.remove(shared.getKey());
            JsonNode saved = ConfigDocumentRepository.get(config, shared.getValue().path());
            if (saved != null && SettingsCatalog.BY_KEY.get(shared.getKey()).kind().accepts(saved)) {
                out.set(shared.getKey(), saved);
            }
        }
        FILE_LIMIT_PATHS.forEach((key, setting) -> {
            out.remove(key);
            String path = setting.path();
            JsonNode saved = ConfigDocumentRepository.get(config, path);
            if (saved == null) {
                return;
            }
            boolean usable = "ALLOWED_FILE_EXTENSIONS".equals(key) ? saved.isNull() || saved.isArray() || saved.isTextual()
                    : saved.isNull() || saved.isNumber();
            if (usable) {
                out.set(key, saved);
            } else {
                // another writer (a configs import) stored something we cannot enforce: the environment applies
                LOG.warnf("Ignoring %s = %s in config: not a valid value", path, saved);
            }
        });
        return out;
    }

    /**
     * Validates and stores overrides (flat keys: the web block already flattened); catalogued keys
     * must have their type, unknown keys are kept as they are (the admin pages round-trip them).
     */
    public ObjectNode update(ObjectNode patch) {
        SettingsCatalog.normalize(patch);
        ObjectNode merged = view();
        merged.setAll(patch);
        RetrievalSettings checked = resolve(merged);
        if (checked.chunkOverlap() >= checked.chunkSize() || checked.chunkSize() <= 0 || checked.chunkOverlap() < 0) {
            throw ApiException.badRequest("CHUNK_OVERLAP must be at least 0 and smaller than CHUNK_SIZE");
        }
        if (checked.topK() <= 0) {
            throw ApiException.badRequest("TOP_K must be at least 1");
        }
        if (checked.relevanceThreshold() < 0 || checked.relevanceThreshold() > 1) {
            throw ApiException.badRequest("RELEVANCE_THRESHOLD must be between 0 and 1");
        }
        if (!checked.embeddingEngine().isEmpty() && !checked.openaiEngine()) {
            throw ApiException.badRequest("embedding engine must be '' (in-process) or 'openai'");
        }
        if (!checked.openaiEngine() && !LOCAL_MODEL.equals(checked.embeddingModel())) {
            throw ApiException.badRequest("The in-process embedding engine only has " + LOCAL_MODEL);
        }
        if (checked.fileMaxSizeMb() != null && checked.fileMaxSizeMb() < 1) {
            throw ApiException.badRequest("FILE_MAX_SIZE must be at least 1 (MB), or empty for no limit");
        }
        if (checked.fileMaxCount() != null && checked.fileMaxCount() < 1) {
            throw ApiException.badRequest("FILE_MAX_COUNT must be at least 1, or empty for no limit");
        }
        Map<String, JsonNode> fileLimits = new LinkedHashMap<>();
        ObjectNode rest = patch.deepCopy();
        FILE_LIMIT_PATHS.forEach((key, setting) -> {
            if (rest.has(key)) {
                rest.remove(key);
                fileLimits.put(setting.path(), fileLimit(key, checked));
            }
        });
        SHARED_PATHS.forEach((key, setting) -> {
            if (rest.has(key)) {
                fileLimits.put(setting.path(), rest.remove(key));
            }
        });
        if (!fileLimits.isEmpty()) {
            document.write(fileLimits);
        }
        repository.merge(rest);
        cache.invalidateAll();
        current();
        return view();
    }

    /** The checked value as Open WebUI stores it: whole numbers (null for no limit), a list of extensions. */
    private static JsonNode fileLimit(String key, RetrievalSettings checked) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        return switch (key) {
            case "FILE_MAX_SIZE" -> checked.fileMaxSizeMb() == null ? nodes.nullNode() : nodes.numberNode(checked.fileMaxSizeMb());
            case "FILE_MAX_COUNT" -> checked.fileMaxCount() == null ? nodes.nullNode() : nodes.numberNode(checked.fileMaxCount());
            default -> {
                ArrayNode list = nodes.arrayNode();
                checked.allowedExtensions().forEach(list::add);
                yield list;
            }
        };
    }

    ObjectNode defaults() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("CHUNK_SIZE", rag.chunkSize());
        out.put("CHUNK_OVERLAP", rag.chunkOverlap());
        out.put("TEXT_SPLITTER", "character");
        out.put("CONTENT_EXTRACTION_ENGINE", "");
        out.put("TOP_K", rag.ragTopK());
        out.put("RELEVANCE_THRESHOLD", rag.ragRelevanceThreshold());
        out.put("ENABLE_RAG_HYBRID_SEARCH", rag.enableRagHybridSearch());
        out.put("RAG_TEMPLATE", settings.environment(Settings.RAG_TEMPLATE).asText(DefaultRagTemplate.TEXT));
        out.set("FILE_MAX_SIZE", settings.environment(Settings.FILE_MAX_SIZE));
        out.set("FILE_MAX_COUNT", settings.environment(Settings.FILE_MAX_COUNT));
        out.set("ALLOWED_FILE_EXTENSIONS", settings.environment(Settings.ALLOWED_FILE_EXTENSIONS));
        out.put("RAG_EMBEDDING_ENGINE", rag.ragEmbeddingEngine().orElse(""));
        out.put("RAG_EMBEDDING_MODEL", rag.ragEmbeddingModel());
        out.put("RAG_EMBEDDING_BATCH_SIZE", rag.ragEmbeddingBatchSize());
        out.put("RAG_OPENAI_API_BASE_URL", rag.ragOpenaiApiBaseUrl());
        out.put("RAG_OPENAI_API_KEY", rag.ragOpenaiApiKey().orElse(""));
        SettingsCatalog.putDefaults(out, config);
        return out;
    }

    private RetrievalSettings resolve(ObjectNode stored) {
        ObjectNode c = defaults();
        c.setAll(stored);
        try {
            return new RetrievalSettings(
                    intOf(c, "CHUNK_SIZE"), intOf(c, "CHUNK_OVERLAP"), intOf(c, "TOP_K"),
                    number(c, "RELEVANCE_THRESHOLD").doubleValue(), c.path("ENABLE_RAG_HYBRID_SEARCH").asBoolean(false),
                    c.path("RAG_TEMPLATE").asText(DefaultRagTemplate.TEXT),
                    optionalNumber(c, "FILE_MAX_SIZE") == null ? null : optionalNumber(c, "FILE_MAX_SIZE").longValue(),
                    optionalNumber(c, "FILE_MAX_COUNT") == null ? null : optionalNumber(c, "FILE_MAX_COUNT").intValue(),
                    extensions(c.get("ALLOWED_FILE_EXTENSIONS")),
                    c.path("RAG_EMBEDDING_ENGINE").asText(""), c.path("RAG_EMBEDDING_MODEL").asText(LOCAL_MODEL),
                    Math.max(1, intOf(c, "RAG_EMBEDDING_BATCH_SIZE")),
                    c.path("RAG_OPENAI_API_BASE_URL").asText(""), c.path("RAG_OPENAI_API_KEY").asText(""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static int intOf(ObjectNode c, String key) {
        return number(c, key).intValue();
    }

    private static Number number(ObjectNode c, String key) {
        Number n = optionalNumber(c, key);
        if (n == null) {
            throw new NumberFormatException(key + " must be a number");
        }
        return n;
    }

    private static Number optionalNumber(ObjectNode c, String key) {
        JsonNode v = c.get(key);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        try {
            return Double.valueOf(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(key + " must be a number");
        }
    }

    private static List<String> extensions(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        Iterator<JsonNode> items = node.isArray() ? node.elements()
                : Arrays.stream(node.asText().split(",")).map(s -> (JsonNode) Json.MAPPER.getNodeFactory().textNode(s)).iterator();
        items.forEachRemaining(item -> {
            String ext = item.asText().trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
            if (!ext.isEmpty()) {
                out.add(ext);
            }
        });
        return out;
    }

}
