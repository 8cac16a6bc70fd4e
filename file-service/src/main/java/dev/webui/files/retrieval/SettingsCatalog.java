package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.core.settings.Settings;
import dev.webui.files.db.Json;
import org.eclipse.microprofile.config.Config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The retrieval settings the admin pages (Documents, Web Search) load and save that no engine of
 * file-service reads yet: Open WebUI's /retrieval/config keys with their environment variables and
 * defaults. They are stored and answered as given; the keys the engine uses are in
 * {@link SettingsService#defaults()}. Settings flagged {@code web} travel in the {@code web} block.
 */
final class SettingsCatalog {
    /** One setting: its /retrieval/config key, environment variable (null: none) and default as the environment would spell it. */
    record Setting(String key, String env, SettingKind kind, String defaultValue, boolean web) {
        JsonNode defaultFrom(Config config) {
            String raw = env == null ? null : config.getOptionalValue(env, String.class).orElse(null);
            if (raw == null) {
                raw = defaultValue;
            }
            if (raw == null) {
                return Json.MAPPER.getNodeFactory().nullNode();
            }
            try {
                return kind.fromEnv(raw);
            } catch (NumberFormatException e) {
                throw new dev.webui.common.config.InvalidConfigurationException(env + " must be " + kind.expected() + ", not '" + raw + "'");
            }
        }
    }

    static final List<Setting> SETTINGS = List.of(
            entry("BYPASS_EMBEDDING_AND_RETRIEVAL", "BYPASS_EMBEDDING_AND_RETRIEVAL", SettingKind.BOOL, "false", false),
            entry("RAG_FULL_CONTEXT", "RAG_FULL_CONTEXT", SettingKind.BOOL, "false", false),
            entry("TOP_K_RERANKER", "RAG_TOP_K_RERANKER", SettingKind.INT, "3", false),
            entry("HYBRID_BM25_WEIGHT", "RAG_HYBRID_BM25_WEIGHT", SettingKind.NUMBER, "0.5", false),
            entry("PDF_EXTRACT_IMAGES", "PDF_EXTRACT_IMAGES", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_API_KEY", "DATALAB_MARKER_API_KEY", SettingKind.TEXT, "", false),
            entry("DATALAB_MARKER_API_BASE_URL", "DATALAB_MARKER_API_BASE_URL", SettingKind.TEXT, "", false),
            entry("DATALAB_MARKER_ADDITIONAL_CONFIG", "DATALAB_MARKER_ADDITIONAL_CONFIG", SettingKind.TEXT, "", false),
            entry("DATALAB_MARKER_SKIP_CACHE", "DATALAB_MARKER_SKIP_CACHE", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_FORCE_OCR", "DATALAB_MARKER_FORCE_OCR", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_PAGINATE", "DATALAB_MARKER_PAGINATE", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_STRIP_EXISTING_OCR", "DATALAB_MARKER_STRIP_EXISTING_OCR", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION", "DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_FORMAT_LINES", "DATALAB_MARKER_FORMAT_LINES", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_USE_LLM", "DATALAB_MARKER_USE_LLM", SettingKind.BOOL, "false", false),
            entry("DATALAB_MARKER_OUTPUT_FORMAT", "DATALAB_MARKER_OUTPUT_FORMAT", SettingKind.TEXT, "markdown", false),
            entry("EXTERNAL_DOCUMENT_LOADER_URL", "EXTERNAL_DOCUMENT_LOADER_URL", SettingKind.TEXT, "", false),
            entry("EXTERNAL_DOCUMENT_LOADER_API_KEY", "EXTERNAL_DOCUMENT_LOADER_API_KEY", SettingKind.TEXT, "", false),
            entry("TIKA_SERVER_URL", "TIKA_SERVER_URL", SettingKind.TEXT, "http://tika:9998", false),
            entry("DOCLING_SERVER_URL", "DOCLING_SERVER_URL", SettingKind.TEXT, "http://docling:5001", false),
            entry("DOCLING_DO_OCR", "DOCLING_DO_OCR", SettingKind.BOOL, "true", false),
            entry("DOCLING_FORCE_OCR", "DOCLING_FORCE_OCR", SettingKind.BOOL, "false", false),
            entry("DOCLING_OCR_ENGINE", "DOCLING_OCR_ENGINE", SettingKind.TEXT, "tesseract", false),
            entry("DOCLING_OCR_LANG", "DOCLING_OCR_LANG", SettingKind.TEXT, "eng,fra,deu,spa", false),
            entry("DOCLING_PDF_BACKEND", "DOCLING_PDF_BACKEND", SettingKind.TEXT, "dlparse_v4", false),
            entry("DOCLING_TABLE_MODE", "DOCLING_TABLE_MODE", SettingKind.TEXT, "accurate", false),
            entry("DOCLING_PIPELINE", "DOCLING_PIPELINE", SettingKind.TEXT, "standard", false),
            entry("DOCLING_DO_PICTURE_DESCRIPTION", "DOCLING_DO_PICTURE_DESCRIPTION", SettingKind.BOOL, "false", false),
            entry("DOCLING_PICTURE_DESCRIPTION_MODE", "DOCLING_PICTURE_DESCRIPTION_MODE", SettingKind.TEXT, "", false),
            entry("DOCLING_PICTURE_DESCRIPTION_LOCAL", "DOCLING_PICTURE_DESCRIPTION_LOCAL", SettingKind.OBJECT, "", false),
            entry("DOCLING_PICTURE_DESCRIPTION_API", "DOCLING_PICTURE_DESCRIPTION_API", SettingKind.OBJECT, "", false),
            entry("DOCUMENT_INTELLIGENCE_ENDPOINT", "DOCUMENT_INTELLIGENCE_ENDPOINT", SettingKind.TEXT, "", false),
            entry("DOCUMENT_INTELLIGENCE_KEY", "DOCUMENT_INTELLIGENCE_KEY", SettingKind.TEXT, "", false),
            entry("MISTRAL_OCR_API_KEY", "MISTRAL_OCR_API_KEY", SettingKind.TEXT, "", false),
            entry("RAG_RERANKING_MODEL", "RAG_RERANKING_MODEL", SettingKind.TEXT, "", false),
            entry("RAG_RERANKING_ENGINE", "RAG_RERANKING_ENGINE", SettingKind.TEXT, "", false),
            entry("RAG_EXTERNAL_RERANKER_URL", "RAG_EXTERNAL_RERANKER_URL", SettingKind.TEXT, "", false),
            entry("RAG_EXTERNAL_RERANKER_API_KEY", "RAG_EXTERNAL_RERANKER_API_KEY", SettingKind.TEXT, "", false),
            shared("FILE_IMAGE_COMPRESSION_WIDTH", Settings.IMAGE_COMPRESSION_WIDTH, SettingKind.OPTIONAL_INT, false),
            shared("FILE_IMAGE_COMPRESSION_HEIGHT", Settings.IMAGE_COMPRESSION_HEIGHT, SettingKind.OPTIONAL_INT, false),
            shared("ENABLE_GOOGLE_DRIVE_INTEGRATION", Settings.ENABLE_GOOGLE_DRIVE, SettingKind.BOOL, false),
            shared("ENABLE_ONEDRIVE_INTEGRATION", Settings.ENABLE_ONEDRIVE, SettingKind.BOOL, false),
            shared("ENABLE_WEB_SEARCH", Settings.ENABLE_WEB_SEARCH, SettingKind.BOOL, true),
            entry("WEB_SEARCH_ENGINE", "WEB_SEARCH_ENGINE", SettingKind.TEXT, "", true),
            entry("WEB_SEARCH_TRUST_ENV", "WEB_SEARCH_TRUST_ENV", SettingKind.BOOL, "false", true),
            entry("WEB_SEARCH_RESULT_COUNT", "WEB_SEARCH_RESULT_COUNT", SettingKind.INT, "3", true),
            entry("WEB_SEARCH_CONCURRENT_REQUESTS", "WEB_SEARCH_CONCURRENT_REQUESTS", SettingKind.INT, "10", true),
            entry("WEB_LOADER_CONCURRENT_REQUESTS", "WEB_LOADER_CONCURRENT_REQUESTS", SettingKind.INT, "10", true),
            entry("WEB_SEARCH_DOMAIN_FILTER_LIST", "WEB_SEARCH_DOMAIN_FILTER_LIST", SettingKind.TEXT_LIST, "", true),
            entry("BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", "BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", SettingKind.BOOL, "false", true),
            entry("BYPASS_WEB_SEARCH_WEB_LOADER", "BYPASS_WEB_SEARCH_WEB_LOADER", SettingKind.BOOL, "false", true),
            entry("OLLAMA_CLOUD_WEB_SEARCH_API_KEY", "OLLAMA_CLOUD_API_KEY", SettingKind.TEXT, "", true),
            entry("SEARXNG_QUERY_URL", "SEARXNG_QUERY_URL", SettingKind.TEXT, "", true),
            entry("YACY_QUERY_URL", "YACY_QUERY_URL", SettingKind.TEXT, "", true),
            entry("YACY_USERNAME", "YACY_USERNAME", SettingKind.TEXT, "", true),
            entry("YACY_PASSWORD", "YACY_PASSWORD", SettingKind.TEXT, "", true),
            entry("GOOGLE_PSE_API_KEY", "GOOGLE_PSE_API_KEY", SettingKind.TEXT, "", true),
            entry("GOOGLE_PSE_ENGINE_ID", "GOOGLE_PSE_ENGINE_ID", SettingKind.TEXT, "", true),
            entry("BRAVE_SEARCH_API_KEY", "BRAVE_SEARCH_API_KEY", SettingKind.TEXT, "", true),
            entry("KAGI_SEARCH_API_KEY", "KAGI_SEARCH_API_KEY", SettingKind.TEXT, "", true),
            entry("MOJEEK_SEARCH_API_KEY", "MOJEEK_SEARCH_API_KEY", SettingKind.TEXT, "", true),
            entry("BOCHA_SEARCH_API_KEY", "BOCHA_SEARCH_API_KEY", SettingKind.TEXT, "", true),
            entry("SERPSTACK_API_KEY", "SERPSTACK_API_KEY", SettingKind.TEXT, "", true),
            entry("SERPSTACK_HTTPS", "SERPSTACK_HTTPS", SettingKind.BOOL, "true", true),
            entry("SERPER_API_KEY", "SERPER_API_KEY", SettingKind.TEXT, "", true),
            entry("SERPLY_API_KEY", "SERPLY_API_KEY", SettingKind.TEXT, "", true),
            entry("TAVILY_API_KEY", "TAVILY_API_KEY", SettingKind.TEXT, "", true),
            entry("SEARCHAPI_API_KEY", "SEARCHAPI_API_KEY", SettingKind.TEXT, "", true),
            entry("SEARCHAPI_ENGINE", "SEARCHAPI_ENGINE", SettingKind.TEXT, "", true),
            entry("SERPAPI_API_KEY", "SERPAPI_API_KEY", SettingKind.TEXT, "", true),
            entry("SERPAPI_ENGINE", "SERPAPI_ENGINE", SettingKind.TEXT, "", true),
            entry("JINA_API_KEY", "JINA_API_KEY", SettingKind.TEXT, "", true),
            entry("BING_SEARCH_V7_ENDPOINT", "BING_SEARCH_V7_ENDPOINT", SettingKind.TEXT, "https://api.bing.microsoft.com/v7.0/search", true),
            entry("BING_SEARCH_V7_SUBSCRIPTION_KEY", "BING_SEARCH_V7_SUBSCRIPTION_KEY", SettingKind.TEXT, "", true),
            entry("EXA_API_KEY", "EXA_API_KEY", SettingKind.TEXT, "", true),
            entry("PERPLEXITY_API_KEY", "PERPLEXITY_API_KEY", SettingKind.TEXT, "", true),
            entry("PERPLEXITY_MODEL", "PERPLEXITY_MODEL", SettingKind.TEXT, "sonar", true),
            entry("PERPLEXITY_SEARCH_CONTEXT_USAGE", "PERPLEXITY_SEARCH_CONTEXT_USAGE", SettingKind.TEXT, "medium", true),
            entry("SOUGOU_API_SID", "SOUGOU_API_SID", SettingKind.TEXT, "", true),
            entry("SOUGOU_API_SK", "SOUGOU_API_SK", SettingKind.TEXT, "", true),
            entry("WEB_LOADER_ENGINE", "WEB_LOADER_ENGINE", SettingKind.TEXT, "", true),
            entry("ENABLE_WEB_LOADER_SSL_VERIFICATION", "ENABLE_WEB_LOADER_SSL_VERIFICATION", SettingKind.BOOL, "true", true),
            entry("PLAYWRIGHT_WS_URL", "PLAYWRIGHT_WS_URL", SettingKind.TEXT, "", true),
            entry("PLAYWRIGHT_TIMEOUT", "PLAYWRIGHT_TIMEOUT", SettingKind.INT, "10000", true),
            entry("FIRECRAWL_API_KEY", "FIRECRAWL_API_KEY", SettingKind.TEXT, "", true),
            entry("FIRECRAWL_API_BASE_URL", "FIRECRAWL_API_BASE_URL", SettingKind.TEXT, "https://api.firecrawl.dev", true),
            entry("TAVILY_EXTRACT_DEPTH", "TAVILY_EXTRACT_DEPTH", SettingKind.TEXT, "basic", true),
            entry("EXTERNAL_WEB_SEARCH_URL", "EXTERNAL_WEB_SEARCH_URL", SettingKind.TEXT, "", true),
            entry("EXTERNAL_WEB_SEARCH_API_KEY", "EXTERNAL_WEB_SEARCH_API_KEY", SettingKind.TEXT, "", true),
            entry("EXTERNAL_WEB_LOADER_URL", "EXTERNAL_WEB_LOADER_URL", SettingKind.TEXT, "", true),
            entry("EXTERNAL_WEB_LOADER_API_KEY", "EXTERNAL_WEB_LOADER_API_KEY", SettingKind.TEXT, "", true),
            entry("YOUTUBE_LOADER_LANGUAGE", "YOUTUBE_LOADER_LANGUAGE", SettingKind.TEXT_LIST, "en", true),
            entry("YOUTUBE_LOADER_PROXY_URL", "YOUTUBE_LOADER_PROXY_URL", SettingKind.TEXT, "", true),
            entry("YOUTUBE_LOADER_TRANSLATION", null, SettingKind.OPTIONAL_TEXT, null, true));

    static final Map<String, Setting> BY_KEY = SETTINGS.stream()
            .collect(Collectors.toMap(Setting::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    /** Keys of the embedding connections the Documents page edits (/retrieval/embedding), beyond the engine's own. */
    static final List<Setting> EMBEDDING_CONNECTIONS = List.of(
            entry("RAG_OLLAMA_BASE_URL", "RAG_OLLAMA_BASE_URL", SettingKind.TEXT, null, false),
            entry("RAG_OLLAMA_API_KEY", "RAG_OLLAMA_API_KEY", SettingKind.TEXT, "", false),
            entry("RAG_AZURE_OPENAI_BASE_URL", "RAG_AZURE_OPENAI_BASE_URL", SettingKind.TEXT, "", false),
            entry("RAG_AZURE_OPENAI_API_KEY", "RAG_AZURE_OPENAI_API_KEY", SettingKind.TEXT, "", false),
            entry("RAG_AZURE_OPENAI_API_VERSION", "RAG_AZURE_OPENAI_API_VERSION", SettingKind.TEXT, "", false));

    private SettingsCatalog() {
    }

    private static Setting entry(String key, String env, SettingKind kind, String defaultValue, boolean web) {
        return new Setting(key, env, kind, defaultValue, web);
    }

    /** A key declared in the suite's registry: its environment variable and default come from there. */
    private static Setting shared(String key, dev.webui.core.settings.Setting registered, SettingKind kind, boolean web) {
        JsonNode byDefault = registered.defaultValue();
        return new Setting(key, registered.env(), kind, byDefault.isNull() ? "" : byDefault.asText(), web);
    }

    /** Every catalogued setting at its default, flat. */
    static void putDefaults(ObjectNode out, Config config) {
        SETTINGS.forEach(s -> out.set(s.key(), s.defaultFrom(config)));
        EMBEDDING_CONNECTIONS.forEach(s -> out.set(s.key(), s.defaultFrom(config)));
        if (out.path("RAG_OLLAMA_BASE_URL").isNull()) {
            // Open WebUI falls back to the chat connection's Ollama URL
            out.put("RAG_OLLAMA_BASE_URL", config.getOptionalValue("OLLAMA_BASE_URL", String.class).orElse("").replaceAll("/+$", ""));
        }
    }

    /** The flat settings with the web ones moved into a {@code web} object, as the Web Search page reads them. */
    static ObjectNode nestWeb(ObjectNode flat) {
        ObjectNode out = flat.deepCopy();
        ObjectNode web = Json.MAPPER.createObjectNode();
        SETTINGS.stream().filter(Setting::web).forEach(s -> {
            JsonNode value = out.remove(s.key());
            web.set(s.key(), value == null ? Json.MAPPER.getNodeFactory().nullNode() : value);
        });
        out.set("web", web);
        return out;
    }

    /** An update body with its {@code web} block flattened into top-level keys. */
    static ObjectNode flattenWeb(ObjectNode body) {
        ObjectNode out = body.deepCopy();
        JsonNode web = out.remove("web");
        if (web != null && !web.isNull()) {
            if (!web.isObject()) {
                throw dev.webui.common.error.ApiException.badRequest("web must be an object");
            }
            web.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Converts each catalogued value to its type in place; refuses one that cannot be, naming the key and what it takes. */
    static void normalize(ObjectNode patch) {
        List<String> keys = new java.util.ArrayList<>();
        patch.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            Setting s = BY_KEY.get(key);
            if (s == null) {
                s = EMBEDDING_CONNECTIONS.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
            }
            if (s == null) {
                continue;
            }
            JsonNode coerced = s.kind().coerce(patch.get(key));
            if (coerced == null) {
                throw dev.webui.common.error.ApiException.badRequest(key + " must be " + s.kind().expected());
            }
            patch.set(key, coerced);
        }
    }
}
