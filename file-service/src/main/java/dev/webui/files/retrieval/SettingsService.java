package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.error.ApiException;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.DefaultRagTemplate;
import dev.webui.core.settings.EffectiveSetting;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
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

/**
 * Effective retrieval settings: each /retrieval/config key is a registered setting
 * ({@link SettingsCatalog}), read and saved through the shared {@link SettingsReader} at Open
 * WebUI's {@code rag.*} paths of the config document, so a save on any replica (or an imported
 * Open WebUI config) takes effect everywhere.
 */
@ApplicationScoped
public class SettingsService {
    private static final Logger LOG = Logger.getLogger(SettingsService.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    public static final String LOCAL_MODEL = "sentence-transformers/all-MiniLM-L6-v2";
    private static final List<String> FILE_LIMITS = List.of("FILE_MAX_SIZE", "FILE_MAX_COUNT", "ALLOWED_FILE_EXTENSIONS");

    private record Resolved(long generation, RetrievalSettings settings) {
    }

    private final Config config;
    private final SettingsReader settings;
    private volatile Resolved last;

    public SettingsService(Config config, SettingsReader settings) {
        this.config = config;
        this.settings = settings;
    }

    void checkEnvironment(@Observes StartupEvent event) {
        String engine = settings.environment(Settings.RAG_EMBEDDING_ENGINE).asText("");
        String model = settings.environment(Settings.RAG_EMBEDDING_MODEL).asText("");
        if (!engine.isEmpty() && !"openai".equals(engine)) {
            throw new InvalidConfigurationException("RAG_EMBEDDING_ENGINE must be empty (in-process) or openai, not '" + engine + "'");
        }
        if (engine.isEmpty() && !LOCAL_MODEL.equals(model)) {
            throw new InvalidConfigurationException("The in-process embedding engine only has " + LOCAL_MODEL
                    + "; set RAG_EMBEDDING_ENGINE=openai to use " + model);
        }
        int size = settings.environment(Settings.CHUNK_SIZE).asInt();
        int overlap = settings.environment(Settings.CHUNK_OVERLAP).asInt();
        if (overlap >= size || size <= 0 || overlap < 0) {
            throw new InvalidConfigurationException("CHUNK_OVERLAP must be at least 0 and smaller than CHUNK_SIZE");
        }
        current();
    }

    /** The settings in force, after making sure this replica's copy of the saved document is current. */
    public RetrievalSettings current() {
        settings.reload().await().atMost(WAIT);
        return cached();
    }

    /** The settings as this replica last read them, without waiting for the database (for the event loop). */
    public RetrievalSettings cached() {
        long generation = settings.generation();
        Resolved known = last;
        if (known != null && known.generation() == generation) {
            return known.settings();
        }
        RetrievalSettings resolved = resolve(view());
        last = new Resolved(generation, resolved);
        return resolved;
    }

    /** Every /retrieval/config key at its effective value: saved, else environment, else default. */
    public ObjectNode view() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (SettingsCatalog.Entry entry : SettingsCatalog.ENTRIES) {
            out.set(entry.key(), value(entry));
        }
        return out;
    }

    private JsonNode value(SettingsCatalog.Entry entry) {
        Setting setting = entry.setting();
        EffectiveSetting effective = settings.effective(setting);
        JsonNode value = effective.value();
        if (setting == Settings.RAG_OLLAMA_BASE_URL && value.isNull()) {
            // like Open WebUI, the chat connection's Ollama URL
            return Json.MAPPER.getNodeFactory().textNode(
                    config.getOptionalValue("OLLAMA_BASE_URL", String.class).orElse("").replaceAll("/+$", ""));
        }
        if (!usable(entry, value)) {
            // another writer (a configs import) stored something we cannot use: the environment applies
            LOG.warnf("Ignoring %s = %s in config: not a valid value", setting.path(), value);
            return settings.environment(setting);
        }
        return value;
    }

    private static boolean usable(SettingsCatalog.Entry entry, JsonNode value) {
        return switch (entry.key()) {
            case "ALLOWED_FILE_EXTENSIONS" -> value.isNull() || value.isArray() || value.isTextual();
            case "FILE_MAX_SIZE", "FILE_MAX_COUNT" -> value.isNull() || value.isNumber();
            default -> entry.kind() == null || entry.kind().accepts(value);
        };
    }

    /**
     * Validates and saves values (flat keys: the web block already flattened); typed keys must
     * have their type. Keys the page sends that are not settings of this suite are not stored.
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
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        patch.fields().forEachRemaining(field -> {
            SettingsCatalog.Entry entry = SettingsCatalog.BY_KEY.get(field.getKey());
            if (entry != null) {
                values.put(entry.setting(), FILE_LIMITS.contains(entry.key()) ? fileLimit(entry.key(), checked) : field.getValue());
            }
        });
        if (!values.isEmpty()) {
            settings.save(values).await().atMost(WAIT);
        }
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

    private RetrievalSettings resolve(ObjectNode c) {
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
