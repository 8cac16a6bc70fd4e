package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.files.db.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The flat keys of Open WebUI's /retrieval/config (and /retrieval/embedding) mapped to their
 * settings in the registry ({@link Settings}: path, environment variable, default), with the type
 * an update must have ({@code kind}; null for the keys {@link SettingsService} checks itself).
 * Keys flagged {@code web} travel in the {@code web} block.
 */
final class SettingsCatalog {
    record Entry(String key, Setting setting, SettingKind kind, boolean web) {
    }

    static final List<Entry> ENTRIES = List.of(
            entry("CHUNK_SIZE", Settings.CHUNK_SIZE, null, false),
            entry("CHUNK_OVERLAP", Settings.CHUNK_OVERLAP, null, false),
            entry("TEXT_SPLITTER", Settings.TEXT_SPLITTER, null, false),
            entry("CONTENT_EXTRACTION_ENGINE", Settings.CONTENT_EXTRACTION_ENGINE, null, false),
            entry("TOP_K", Settings.RAG_TOP_K, null, false),
            entry("RELEVANCE_THRESHOLD", Settings.RAG_RELEVANCE_THRESHOLD, null, false),
            entry("ENABLE_RAG_HYBRID_SEARCH", Settings.ENABLE_RAG_HYBRID_SEARCH, null, false),
            entry("RAG_EMBEDDING_ENGINE", Settings.RAG_EMBEDDING_ENGINE, null, false),
            entry("RAG_EMBEDDING_MODEL", Settings.RAG_EMBEDDING_MODEL, null, false),
            entry("RAG_EMBEDDING_BATCH_SIZE", Settings.RAG_EMBEDDING_BATCH_SIZE, null, false),
            entry("RAG_OPENAI_API_BASE_URL", Settings.RAG_OPENAI_API_BASE_URL, null, false),
            entry("RAG_OPENAI_API_KEY", Settings.RAG_OPENAI_API_KEY, null, false),
            entry("BYPASS_EMBEDDING_AND_RETRIEVAL", Settings.BYPASS_EMBEDDING_AND_RETRIEVAL, SettingKind.BOOL, false),
            entry("RAG_FULL_CONTEXT", Settings.RAG_FULL_CONTEXT, SettingKind.BOOL, false),
            entry("TOP_K_RERANKER", Settings.TOP_K_RERANKER, SettingKind.INT, false),
            entry("HYBRID_BM25_WEIGHT", Settings.HYBRID_BM25_WEIGHT, SettingKind.NUMBER, false),
            entry("PDF_EXTRACT_IMAGES", Settings.PDF_EXTRACT_IMAGES, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_API_KEY", Settings.DATALAB_MARKER_API_KEY, SettingKind.TEXT, false),
            entry("DATALAB_MARKER_API_BASE_URL", Settings.DATALAB_MARKER_API_BASE_URL, SettingKind.TEXT, false),
            entry("DATALAB_MARKER_ADDITIONAL_CONFIG", Settings.DATALAB_MARKER_ADDITIONAL_CONFIG, SettingKind.TEXT, false),
            entry("DATALAB_MARKER_SKIP_CACHE", Settings.DATALAB_MARKER_SKIP_CACHE, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_FORCE_OCR", Settings.DATALAB_MARKER_FORCE_OCR, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_PAGINATE", Settings.DATALAB_MARKER_PAGINATE, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_STRIP_EXISTING_OCR", Settings.DATALAB_MARKER_STRIP_EXISTING_OCR, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION", Settings.DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_FORMAT_LINES", Settings.DATALAB_MARKER_FORMAT_LINES, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_USE_LLM", Settings.DATALAB_MARKER_USE_LLM, SettingKind.BOOL, false),
            entry("DATALAB_MARKER_OUTPUT_FORMAT", Settings.DATALAB_MARKER_OUTPUT_FORMAT, SettingKind.TEXT, false),
            entry("EXTERNAL_DOCUMENT_LOADER_URL", Settings.EXTERNAL_DOCUMENT_LOADER_URL, SettingKind.TEXT, false),
            entry("EXTERNAL_DOCUMENT_LOADER_API_KEY", Settings.EXTERNAL_DOCUMENT_LOADER_API_KEY, SettingKind.TEXT, false),
            entry("TIKA_SERVER_URL", Settings.TIKA_SERVER_URL, SettingKind.TEXT, false),
            entry("DOCLING_SERVER_URL", Settings.DOCLING_SERVER_URL, SettingKind.TEXT, false),
            entry("DOCLING_DO_OCR", Settings.DOCLING_DO_OCR, SettingKind.BOOL, false),
            entry("DOCLING_FORCE_OCR", Settings.DOCLING_FORCE_OCR, SettingKind.BOOL, false),
            entry("DOCLING_OCR_ENGINE", Settings.DOCLING_OCR_ENGINE, SettingKind.TEXT, false),
            entry("DOCLING_OCR_LANG", Settings.DOCLING_OCR_LANG, SettingKind.TEXT, false),
            entry("DOCLING_PDF_BACKEND", Settings.DOCLING_PDF_BACKEND, SettingKind.TEXT, false),
            entry("DOCLING_TABLE_MODE", Settings.DOCLING_TABLE_MODE, SettingKind.TEXT, false),
            entry("DOCLING_PIPELINE", Settings.DOCLING_PIPELINE, SettingKind.TEXT, false),
            entry("DOCLING_DO_PICTURE_DESCRIPTION", Settings.DOCLING_DO_PICTURE_DESCRIPTION, SettingKind.BOOL, false),
            entry("DOCLING_PICTURE_DESCRIPTION_MODE", Settings.DOCLING_PICTURE_DESCRIPTION_MODE, SettingKind.TEXT, false),
            entry("DOCLING_PICTURE_DESCRIPTION_LOCAL", Settings.DOCLING_PICTURE_DESCRIPTION_LOCAL, SettingKind.OBJECT, false),
            entry("DOCLING_PICTURE_DESCRIPTION_API", Settings.DOCLING_PICTURE_DESCRIPTION_API, SettingKind.OBJECT, false),
            entry("DOCUMENT_INTELLIGENCE_ENDPOINT", Settings.DOCUMENT_INTELLIGENCE_ENDPOINT, SettingKind.TEXT, false),
            entry("DOCUMENT_INTELLIGENCE_KEY", Settings.DOCUMENT_INTELLIGENCE_KEY, SettingKind.TEXT, false),
            entry("MISTRAL_OCR_API_KEY", Settings.MISTRAL_OCR_API_KEY, SettingKind.TEXT, false),
            entry("RAG_RERANKING_MODEL", Settings.RAG_RERANKING_MODEL, SettingKind.TEXT, false),
            entry("RAG_RERANKING_ENGINE", Settings.RAG_RERANKING_ENGINE, SettingKind.TEXT, false),
            entry("RAG_EXTERNAL_RERANKER_URL", Settings.RAG_EXTERNAL_RERANKER_URL, SettingKind.TEXT, false),
            entry("RAG_EXTERNAL_RERANKER_API_KEY", Settings.RAG_EXTERNAL_RERANKER_API_KEY, SettingKind.TEXT, false),
            entry("WEB_SEARCH_ENGINE", Settings.WEB_SEARCH_ENGINE, SettingKind.TEXT, true),
            entry("WEB_SEARCH_TRUST_ENV", Settings.WEB_SEARCH_TRUST_ENV, SettingKind.BOOL, true),
            entry("WEB_SEARCH_RESULT_COUNT", Settings.WEB_SEARCH_RESULT_COUNT, SettingKind.INT, true),
            entry("WEB_SEARCH_CONCURRENT_REQUESTS", Settings.WEB_SEARCH_CONCURRENT_REQUESTS, SettingKind.INT, true),
            entry("WEB_LOADER_CONCURRENT_REQUESTS", Settings.WEB_LOADER_CONCURRENT_REQUESTS, SettingKind.INT, true),
            entry("WEB_SEARCH_DOMAIN_FILTER_LIST", Settings.WEB_SEARCH_DOMAIN_FILTER_LIST, SettingKind.TEXT_LIST, true),
            entry("BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", Settings.BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL, SettingKind.BOOL, true),
            entry("BYPASS_WEB_SEARCH_WEB_LOADER", Settings.BYPASS_WEB_SEARCH_WEB_LOADER, SettingKind.BOOL, true),
            entry("OLLAMA_CLOUD_WEB_SEARCH_API_KEY", Settings.WEB_SEARCH_OLLAMA_CLOUD_API_KEY, SettingKind.TEXT, true),
            entry("SEARXNG_QUERY_URL", Settings.SEARXNG_QUERY_URL, SettingKind.TEXT, true),
            entry("YACY_QUERY_URL", Settings.YACY_QUERY_URL, SettingKind.TEXT, true),
            entry("YACY_USERNAME", Settings.YACY_USERNAME, SettingKind.TEXT, true),
            entry("YACY_PASSWORD", Settings.YACY_PASSWORD, SettingKind.TEXT, true),
            entry("GOOGLE_PSE_API_KEY", Settings.GOOGLE_PSE_API_KEY, SettingKind.TEXT, true),
            entry("GOOGLE_PSE_ENGINE_ID", Settings.GOOGLE_PSE_ENGINE_ID, SettingKind.TEXT, true),
            entry("BRAVE_SEARCH_API_KEY", Settings.BRAVE_SEARCH_API_KEY, SettingKind.TEXT, true),
            entry("KAGI_SEARCH_API_KEY", Settings.KAGI_SEARCH_API_KEY, SettingKind.TEXT, true),
            entry("MOJEEK_SEARCH_API_KEY", Settings.MOJEEK_SEARCH_API_KEY, SettingKind.TEXT, true),
            entry("BOCHA_SEARCH_API_KEY", Settings.BOCHA_SEARCH_API_KEY, SettingKind.TEXT, true),
            entry("SERPSTACK_API_KEY", Settings.SERPSTACK_API_KEY, SettingKind.TEXT, true),
            entry("SERPSTACK_HTTPS", Settings.SERPSTACK_HTTPS, SettingKind.BOOL, true),
            entry("SERPER_API_KEY", Settings.SERPER_API_KEY, SettingKind.TEXT, true),
            entry("SERPLY_API_KEY", Settings.SERPLY_API_KEY, SettingKind.TEXT, true),
            entry("TAVILY_API_KEY", Settings.TAVILY_API_KEY, SettingKind.TEXT, true),
            entry("SEARCHAPI_API_KEY", Settings.SEARCHAPI_API_KEY, SettingKind.TEXT, true),
            entry("SEARCHAPI_ENGINE", Settings.SEARCHAPI_ENGINE, SettingKind.TEXT, true),
            entry("SERPAPI_API_KEY", Settings.SERPAPI_API_KEY, SettingKind.TEXT, true),
            entry("SERPAPI_ENGINE", Settings.SERPAPI_ENGINE, SettingKind.TEXT, true),
            entry("JINA_API_KEY", Settings.JINA_API_KEY, SettingKind.TEXT, true),
            entry("BING_SEARCH_V7_ENDPOINT", Settings.BING_SEARCH_V7_ENDPOINT, SettingKind.TEXT, true),
            entry("BING_SEARCH_V7_SUBSCRIPTION_KEY", Settings.BING_SEARCH_V7_SUBSCRIPTION_KEY, SettingKind.TEXT, true),
            entry("EXA_API_KEY", Settings.EXA_API_KEY, SettingKind.TEXT, true),
            entry("PERPLEXITY_API_KEY", Settings.PERPLEXITY_API_KEY, SettingKind.TEXT, true),
            entry("PERPLEXITY_MODEL", Settings.PERPLEXITY_MODEL, SettingKind.TEXT, true),
            entry("PERPLEXITY_SEARCH_CONTEXT_USAGE", Settings.PERPLEXITY_SEARCH_CONTEXT_USAGE, SettingKind.TEXT, true),
            entry("SOUGOU_API_SID", Settings.SOUGOU_API_SID, SettingKind.TEXT, true),
            entry("SOUGOU_API_SK", Settings.SOUGOU_API_SK, SettingKind.TEXT, true),
            entry("WEB_LOADER_ENGINE", Settings.WEB_LOADER_ENGINE, SettingKind.TEXT, true),
            entry("ENABLE_WEB_LOADER_SSL_VERIFICATION", Settings.ENABLE_WEB_LOADER_SSL_VERIFICATION, SettingKind.BOOL, true),
            entry("PLAYWRIGHT_WS_URL", Settings.PLAYWRIGHT_WS_URL, SettingKind.TEXT, true),
            entry("PLAYWRIGHT_TIMEOUT", Settings.PLAYWRIGHT_TIMEOUT, SettingKind.INT, true),
            entry("FIRECRAWL_API_KEY", Settings.FIRECRAWL_API_KEY, SettingKind.TEXT, true),
            entry("FIRECRAWL_API_BASE_URL", Settings.FIRECRAWL_API_BASE_URL, SettingKind.TEXT, true),
            entry("TAVILY_EXTRACT_DEPTH", Settings.TAVILY_EXTRACT_DEPTH, SettingKind.TEXT, true),
            entry("EXTERNAL_WEB_SEARCH_URL", Settings.EXTERNAL_WEB_SEARCH_URL, SettingKind.TEXT, true),
            entry("EXTERNAL_WEB_SEARCH_API_KEY", Settings.EXTERNAL_WEB_SEARCH_API_KEY, SettingKind.TEXT, true),
            entry("EXTERNAL_WEB_LOADER_URL", Settings.EXTERNAL_WEB_LOADER_URL, SettingKind.TEXT, true),
            entry("EXTERNAL_WEB_LOADER_API_KEY", Settings.EXTERNAL_WEB_LOADER_API_KEY, SettingKind.TEXT, true),
            entry("ENABLE_RAG_LOCAL_WEB_FETCH", Settings.ENABLE_RAG_LOCAL_WEB_FETCH, SettingKind.BOOL, true),
            entry("WEB_LOADER_LOCAL_ALLOWLIST", Settings.WEB_LOADER_LOCAL_ALLOWLIST, SettingKind.TEXT_LIST, true),
            entry("YOUTUBE_LOADER_LANGUAGE", Settings.YOUTUBE_LOADER_LANGUAGE, SettingKind.TEXT_LIST, true),
            entry("YOUTUBE_LOADER_PROXY_URL", Settings.YOUTUBE_LOADER_PROXY_URL, SettingKind.TEXT, true),
            entry("YOUTUBE_LOADER_TRANSLATION", Settings.YOUTUBE_LOADER_TRANSLATION, SettingKind.OPTIONAL_TEXT, true),
            entry("RAG_OLLAMA_BASE_URL", Settings.RAG_OLLAMA_BASE_URL, SettingKind.TEXT, false),
            entry("RAG_OLLAMA_API_KEY", Settings.RAG_OLLAMA_API_KEY, SettingKind.TEXT, false),
            entry("RAG_AZURE_OPENAI_BASE_URL", Settings.RAG_AZURE_OPENAI_BASE_URL, SettingKind.TEXT, false),
            entry("RAG_AZURE_OPENAI_API_KEY", Settings.RAG_AZURE_OPENAI_API_KEY, SettingKind.TEXT, false),
            entry("RAG_AZURE_OPENAI_API_VERSION", Settings.RAG_AZURE_OPENAI_API_VERSION, SettingKind.TEXT, false),
            entry("RAG_TEMPLATE", Settings.RAG_TEMPLATE, null, false),
            entry("FILE_MAX_SIZE", Settings.FILE_MAX_SIZE, null, false),
            entry("FILE_MAX_COUNT", Settings.FILE_MAX_COUNT, null, false),
            entry("ALLOWED_FILE_EXTENSIONS", Settings.ALLOWED_FILE_EXTENSIONS, null, false),
            entry("FILE_IMAGE_COMPRESSION_WIDTH", Settings.IMAGE_COMPRESSION_WIDTH, SettingKind.OPTIONAL_INT, false),
            entry("FILE_IMAGE_COMPRESSION_HEIGHT", Settings.IMAGE_COMPRESSION_HEIGHT, SettingKind.OPTIONAL_INT, false),
            entry("ENABLE_GOOGLE_DRIVE_INTEGRATION", Settings.ENABLE_GOOGLE_DRIVE, SettingKind.BOOL, false),
            entry("ENABLE_ONEDRIVE_INTEGRATION", Settings.ENABLE_ONEDRIVE, SettingKind.BOOL, false),
            entry("ENABLE_WEB_SEARCH", Settings.ENABLE_WEB_SEARCH, SettingKind.BOOL, true));

    static final Map<String, Entry> BY_KEY = ENTRIES.stream()
            .collect(Collectors.toMap(Entry::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private SettingsCatalog() {
    }

    private static Entry entry(String key, Setting setting, SettingKind kind, boolean web) {
        return new Entry(key, setting, kind, web);
    }

    /** The flat settings with the web ones moved into a {@code web} object, as the Web Search page reads them. */
    static ObjectNode nestWeb(ObjectNode flat) {
        ObjectNode out = flat.deepCopy();
        ObjectNode web = Json.MAPPER.createObjectNode();
        ENTRIES.stream().filter(Entry::web).forEach(s -> {
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
                throw ApiException.badRequest("web must be an object");
            }
            web.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Converts each typed value to its type in place; refuses one that cannot be, naming the key and what it takes. */
    static void normalize(ObjectNode patch) {
        List<String> keys = new ArrayList<>();
        patch.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            Entry s = BY_KEY.get(key);
            if (s == null || s.kind() == null) {
                continue;
            }
            JsonNode coerced = s.kind().coerce(patch.get(key));
            if (coerced == null) {
                throw ApiException.badRequest(key + " must be " + s.kind().expected());
            }
            patch.set(key, coerced);
        }
    }
}
