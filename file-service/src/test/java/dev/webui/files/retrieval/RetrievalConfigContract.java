package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the v0.6.32 admin pages Documents and Web Search read from GET /retrieval/config: every key
 * with its JSON type ({@code ?} also allows null). Written out here, apart from the service's own
 * catalogue, so a key dropped or retyped there fails the contract.
 */
final class RetrievalConfigContract {
    static final Map<String, String> TOP_LEVEL = parse("RAG_TEMPLATE:string TOP_K:int ENABLE_RAG_HYBRID_SEARCH:boolean RELEVANCE_THRESHOLD:number CONTENT_EXTRACTION_ENGINE:string "
                + "TEXT_SPLITTER:string CHUNK_SIZE:int CHUNK_OVERLAP:int FILE_MAX_SIZE:int? FILE_MAX_COUNT:int? "
                + "ALLOWED_FILE_EXTENSIONS:list BYPASS_EMBEDDING_AND_RETRIEVAL:boolean RAG_FULL_CONTEXT:boolean "
                + "TOP_K_RERANKER:int HYBRID_BM25_WEIGHT:number PDF_EXTRACT_IMAGES:boolean DATALAB_MARKER_API_KEY:string "
                + "DATALAB_MARKER_API_BASE_URL:string DATALAB_MARKER_ADDITIONAL_CONFIG:string DATALAB_MARKER_SKIP_CACHE:boolean "
                + "DATALAB_MARKER_FORCE_OCR:boolean DATALAB_MARKER_PAGINATE:boolean DATALAB_MARKER_STRIP_EXISTING_OCR:boolean "
                + "DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION:boolean DATALAB_MARKER_FORMAT_LINES:boolean DATALAB_MARKER_USE_LLM:boolean "
                + "DATALAB_MARKER_OUTPUT_FORMAT:string EXTERNAL_DOCUMENT_LOADER_URL:string EXTERNAL_DOCUMENT_LOADER_API_KEY:string "
                + "TIKA_SERVER_URL:string DOCLING_SERVER_URL:string DOCLING_DO_OCR:boolean DOCLING_FORCE_OCR:boolean "
                + "DOCLING_OCR_ENGINE:string DOCLING_OCR_LANG:string DOCLING_PDF_BACKEND:string DOCLING_TABLE_MODE:string "
                + "DOCLING_PIPELINE:string DOCLING_DO_PICTURE_DESCRIPTION:boolean DOCLING_PICTURE_DESCRIPTION_MODE:string "
                + "DOCLING_PICTURE_DESCRIPTION_LOCAL:object DOCLING_PICTURE_DESCRIPTION_API:object DOCUMENT_INTELLIGENCE_ENDPOINT:string "
                + "DOCUMENT_INTELLIGENCE_KEY:string MISTRAL_OCR_API_KEY:string RAG_RERANKING_MODEL:string RAG_RERANKING_ENGINE:string "
                + "RAG_EXTERNAL_RERANKER_URL:string RAG_EXTERNAL_RERANKER_API_KEY:string FILE_IMAGE_COMPRESSION_WIDTH:int? "
                + "FILE_IMAGE_COMPRESSION_HEIGHT:int? ENABLE_GOOGLE_DRIVE_INTEGRATION:boolean ENABLE_ONEDRIVE_INTEGRATION:boolean");
    static final Map<String, String> WEB = parse("ENABLE_WEB_SEARCH:boolean WEB_SEARCH_ENGINE:string WEB_SEARCH_TRUST_ENV:boolean WEB_SEARCH_RESULT_COUNT:int "
                + "WEB_SEARCH_CONCURRENT_REQUESTS:int WEB_LOADER_CONCURRENT_REQUESTS:int WEB_SEARCH_DOMAIN_FILTER_LIST:list "
                + "BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL:boolean BYPASS_WEB_SEARCH_WEB_LOADER:boolean OLLAMA_CLOUD_WEB_SEARCH_API_KEY:string "
                + "SEARXNG_QUERY_URL:string YACY_QUERY_URL:string YACY_USERNAME:string YACY_PASSWORD:string GOOGLE_PSE_API_KEY:string "
                + "GOOGLE_PSE_ENGINE_ID:string BRAVE_SEARCH_API_KEY:string KAGI_SEARCH_API_KEY:string MOJEEK_SEARCH_API_KEY:string "
                + "BOCHA_SEARCH_API_KEY:string SERPSTACK_API_KEY:string SERPSTACK_HTTPS:boolean SERPER_API_KEY:string "
                + "SERPLY_API_KEY:string TAVILY_API_KEY:string SEARCHAPI_API_KEY:string SEARCHAPI_ENGINE:string "
                + "SERPAPI_API_KEY:string SERPAPI_ENGINE:string JINA_API_KEY:string BING_SEARCH_V7_ENDPOINT:string "
                + "BING_SEARCH_V7_SUBSCRIPTION_KEY:string EXA_API_KEY:string PERPLEXITY_API_KEY:string PERPLEXITY_MODEL:string "
                + "PERPLEXITY_SEARCH_CONTEXT_USAGE:string SOUGOU_API_SID:string SOUGOU_API_SK:string WEB_LOADER_ENGINE:string "
                + "ENABLE_WEB_LOADER_SSL_VERIFICATION:boolean PLAYWRIGHT_WS_URL:string PLAYWRIGHT_TIMEOUT:int FIRECRAWL_API_KEY:string "
                + "FIRECRAWL_API_BASE_URL:string TAVILY_EXTRACT_DEPTH:string EXTERNAL_WEB_SEARCH_URL:string EXTERNAL_WEB_SEARCH_API_KEY:string "
                + "EXTERNAL_WEB_LOADER_URL:string EXTERNAL_WEB_LOADER_API_KEY:string YOUTUBE_LOADER_LANGUAGE:list "
                + "YOUTUBE_LOADER_PROXY_URL:string YOUTUBE_LOADER_TRANSLATION:string?");

    private RetrievalConfigContract() {
    }

    static void assertShape(JsonNode config) {
        assertTrue(config.path("status").isBoolean(), "status");
        TOP_LEVEL.forEach((key, type) -> assertType(config, key, type, ""));
        assertTrue(config.path("web").isObject(), "web block missing: " + config);
        WEB.forEach((key, type) -> assertType(config.get("web"), key, type, "web."));
    }

    static void assertEmbeddingShape(JsonNode embedding) {
        assertTrue(embedding.path("status").isBoolean(), "status");
        assertType(embedding, "embedding_engine", "string", "");
        assertType(embedding, "embedding_model", "string", "");
        assertType(embedding, "embedding_batch_size", "int", "");
        for (String block : new String[]{"openai_config", "ollama_config", "azure_openai_config"}) {
            assertType(embedding.get(block), "url", "string", block + ".");
            assertType(embedding.get(block), "key", "string", block + ".");
        }
        assertType(embedding.get("azure_openai_config"), "version", "string", "azure_openai_config.");
    }

    /** A value of each key's type that differs from {@code current}, for round trips. */
    static ObjectNode changed(ObjectNode current, ObjectMapper mapper) {
        ObjectNode out = current.deepCopy();
        out.remove("status");
        TOP_LEVEL.forEach((key, type) -> out.set(key, other(out.get(key), type, key, mapper)));
        ObjectNode web = (ObjectNode) out.get("web");
        WEB.forEach((key, type) -> web.set(key, other(web.get(key), type, key, mapper)));
        return out;
    }

    private static JsonNode other(JsonNode value, String type, String key, ObjectMapper mapper) {
        var nodes = mapper.getNodeFactory();
        return switch (key) {
            // the engine keys that are checked against each other keep sensible values
            case "CHUNK_SIZE" -> nodes.numberNode(800);
            case "CHUNK_OVERLAP" -> nodes.numberNode(80);
            case "TOP_K" -> nodes.numberNode(5);
            case "RELEVANCE_THRESHOLD" -> nodes.numberNode(0.25);
            case "FILE_MAX_SIZE" -> nodes.numberNode(25);
            case "FILE_MAX_COUNT" -> nodes.numberNode(12);
            default -> switch (type.replace("?", "")) {
                case "boolean" -> nodes.booleanNode(!value.asBoolean());
                case "int" -> nodes.numberNode(value.asInt() + 7);
                case "number" -> nodes.numberNode(0.75);
                case "string" -> nodes.textNode("saved " + key.toLowerCase());
                case "list" -> nodes.arrayNode().add("x-" + key.toLowerCase()).add("two");
                default -> nodes.objectNode().put("saved", key);
            };
        };
    }

    private static void assertType(JsonNode parent, String key, String type, String prefix) {
        assertTrue(parent != null && parent.has(key), prefix + key + " missing");
        JsonNode value = parent.get(key);
        boolean nullable = type.endsWith("?");
        boolean ok = (nullable && value.isNull()) || switch (type.replace("?", "")) {
            case "boolean" -> value.isBoolean();
            case "int" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "list" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
        assertTrue(ok, prefix + key + " should be " + type + ", is " + value);
    }

    private static Map<String, String> parse(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : spec.trim().split("\\s+")) {
            String[] kv = item.split(":");
            out.put(kv[0], kv[1]);
        }
        return out;
    }
}
