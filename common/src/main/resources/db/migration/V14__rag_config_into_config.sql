-- The retrieval settings admins saved move from rag_config (one row of flat /retrieval/config keys)
-- into the shared settings document (the config row with the highest id) at Open WebUI's paths,
-- where every service reads them. A value already in the document wins (e.g. one imported from
-- Open WebUI); only keys rag_config holds are copied. The key -> path pairs are those of this
-- version; the registry (dev.webui.core.settings.Settings) is the reference afterwards.
DO $$
DECLARE
    saved  jsonb;
    doc    jsonb;
    doc_id integer;
    m      record;
    steps  text[];
    i      integer;
BEGIN
    SELECT data INTO saved FROM rag_config WHERE id = 1;
    IF saved IS NULL OR jsonb_typeof(saved) <> 'object' THEN
        RETURN;
    END IF;
    -- an early version saved the Web Search page's block whole
    IF jsonb_typeof(saved -> 'web') = 'object' THEN
        saved := (saved - 'web') || (saved -> 'web');
    END IF;
    SELECT id, data INTO doc_id, doc FROM config ORDER BY id DESC LIMIT 1;
    IF doc IS NULL OR jsonb_typeof(doc) <> 'object' THEN
        doc := '{"version": 0, "ui": {}}'::jsonb;
    END IF;
    FOR m IN
        SELECT * FROM (VALUES
            ('CHUNK_SIZE', 'rag.chunk_size'),
            ('CHUNK_OVERLAP', 'rag.chunk_overlap'),
            ('TEXT_SPLITTER', 'rag.text_splitter'),
            ('CONTENT_EXTRACTION_ENGINE', 'rag.CONTENT_EXTRACTION_ENGINE'),
            ('TOP_K', 'rag.top_k'),
            ('RELEVANCE_THRESHOLD', 'rag.relevance_threshold'),
            ('ENABLE_RAG_HYBRID_SEARCH', 'rag.enable_hybrid_search'),
            ('RAG_EMBEDDING_ENGINE', 'rag.embedding_engine'),
            ('RAG_EMBEDDING_MODEL', 'rag.embedding_model'),
            ('RAG_EMBEDDING_BATCH_SIZE', 'rag.embedding_batch_size'),
            ('RAG_OPENAI_API_BASE_URL', 'rag.openai_api_base_url'),
            ('RAG_OPENAI_API_KEY', 'rag.openai_api_key'),
            ('BYPASS_EMBEDDING_AND_RETRIEVAL', 'rag.bypass_embedding_and_retrieval'),
            ('RAG_FULL_CONTEXT', 'rag.full_context'),
            ('TOP_K_RERANKER', 'rag.top_k_reranker'),
            ('HYBRID_BM25_WEIGHT', 'rag.hybrid_bm25_weight'),
            ('PDF_EXTRACT_IMAGES', 'rag.pdf_extract_images'),
            ('DATALAB_MARKER_API_KEY', 'rag.datalab_marker_api_key'),
            ('DATALAB_MARKER_API_BASE_URL', 'rag.datalab_marker_api_base_url'),
            ('DATALAB_MARKER_ADDITIONAL_CONFIG', 'rag.datalab_marker_additional_config'),
            ('DATALAB_MARKER_SKIP_CACHE', 'rag.datalab_marker_skip_cache'),
            ('DATALAB_MARKER_FORCE_OCR', 'rag.datalab_marker_force_ocr'),
            ('DATALAB_MARKER_PAGINATE', 'rag.datalab_marker_paginate'),
            ('DATALAB_MARKER_STRIP_EXISTING_OCR', 'rag.datalab_marker_strip_existing_ocr'),
            ('DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION', 'rag.datalab_marker_disable_image_extraction'),
            ('DATALAB_MARKER_FORMAT_LINES', 'rag.datalab_marker_format_lines'),
            ('DATALAB_MARKER_USE_LLM', 'rag.DATALAB_MARKER_USE_LLM'),
            ('DATALAB_MARKER_OUTPUT_FORMAT', 'rag.datalab_marker_output_format'),
            ('EXTERNAL_DOCUMENT_LOADER_URL', 'rag.external_document_loader_url'),
            ('EXTERNAL_DOCUMENT_LOADER_API_KEY', 'rag.external_document_loader_api_key'),
            ('TIKA_SERVER_URL', 'rag.tika_server_url'),
            ('DOCLING_SERVER_URL', 'rag.docling_server_url'),
            ('DOCLING_DO_OCR', 'rag.docling_do_ocr'),
            ('DOCLING_FORCE_OCR', 'rag.docling_force_ocr'),
            ('DOCLING_OCR_ENGINE', 'rag.docling_ocr_engine'),
            ('DOCLING_OCR_LANG', 'rag.docling_ocr_lang'),
            ('DOCLING_PDF_BACKEND', 'rag.docling_pdf_backend'),
            ('DOCLING_TABLE_MODE', 'rag.docling_table_mode'),
            ('DOCLING_PIPELINE', 'rag.docling_pipeline'),
            ('DOCLING_DO_PICTURE_DESCRIPTION', 'rag.docling_do_picture_description'),
            ('DOCLING_PICTURE_DESCRIPTION_MODE', 'rag.docling_picture_description_mode'),
            ('DOCLING_PICTURE_DESCRIPTION_LOCAL', 'rag.docling_picture_description_local'),
            ('DOCLING_PICTURE_DESCRIPTION_API', 'rag.docling_picture_description_api'),
            ('DOCUMENT_INTELLIGENCE_ENDPOINT', 'rag.document_intelligence_endpoint'),
            ('DOCUMENT_INTELLIGENCE_KEY', 'rag.document_intelligence_key'),
            ('MISTRAL_OCR_API_KEY', 'rag.mistral_ocr_api_key'),
            ('RAG_RERANKING_MODEL', 'rag.reranking_model'),
            ('RAG_RERANKING_ENGINE', 'rag.reranking_engine'),
            ('RAG_EXTERNAL_RERANKER_URL', 'rag.external_reranker_url'),
            ('RAG_EXTERNAL_RERANKER_API_KEY', 'rag.external_reranker_api_key'),
            ('WEB_SEARCH_ENGINE', 'rag.web.search.engine'),
            ('WEB_SEARCH_TRUST_ENV', 'rag.web.search.trust_env'),
            ('WEB_SEARCH_RESULT_COUNT', 'rag.web.search.result_count'),
            ('WEB_SEARCH_CONCURRENT_REQUESTS', 'rag.web.search.concurrent_requests'),
            ('WEB_LOADER_CONCURRENT_REQUESTS', 'rag.web.loader.concurrent_requests'),
            ('WEB_SEARCH_DOMAIN_FILTER_LIST', 'rag.web.search.domain.filter_list'),
            ('BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL', 'rag.web.search.bypass_embedding_and_retrieval'),
            ('BYPASS_WEB_SEARCH_WEB_LOADER', 'rag.web.search.bypass_web_loader'),
            ('OLLAMA_CLOUD_WEB_SEARCH_API_KEY', 'rag.web.search.ollama_cloud_api_key'),
            ('SEARXNG_QUERY_URL', 'rag.web.search.searxng_query_url'),
            ('YACY_QUERY_URL', 'rag.web.search.yacy_query_url'),
            ('YACY_USERNAME', 'rag.web.search.yacy_username'),
            ('YACY_PASSWORD', 'rag.web.search.yacy_password'),
            ('GOOGLE_PSE_API_KEY', 'rag.web.search.google_pse_api_key'),
            ('GOOGLE_PSE_ENGINE_ID', 'rag.web.search.google_pse_engine_id'),
            ('BRAVE_SEARCH_API_KEY', 'rag.web.search.brave_search_api_key'),
            ('KAGI_SEARCH_API_KEY', 'rag.web.search.kagi_search_api_key'),
            ('MOJEEK_SEARCH_API_KEY', 'rag.web.search.mojeek_search_api_key'),
            ('BOCHA_SEARCH_API_KEY', 'rag.web.search.bocha_search_api_key'),
            ('SERPSTACK_API_KEY', 'rag.web.search.serpstack_api_key'),
            ('SERPSTACK_HTTPS', 'rag.web.search.serpstack_https'),
            ('SERPER_API_KEY', 'rag.web.search.serper_api_key'),
            ('SERPLY_API_KEY', 'rag.web.search.serply_api_key'),
            ('TAVILY_API_KEY', 'rag.web.search.tavily_api_key'),
            ('SEARCHAPI_API_KEY', 'rag.web.search.searchapi_api_key'),
            ('SEARCHAPI_ENGINE', 'rag.web.search.searchapi_engine'),
            ('SERPAPI_API_KEY', 'rag.web.search.serpapi_api_key'),
            ('SERPAPI_ENGINE', 'rag.web.search.serpapi_engine'),
            ('JINA_API_KEY', 'rag.web.search.jina_api_key'),
            ('BING_SEARCH_V7_ENDPOINT', 'rag.web.search.bing_search_v7_endpoint'),
            ('BING_SEARCH_V7_SUBSCRIPTION_KEY', 'rag.web.search.bing_search_v7_subscription_key'),
            ('EXA_API_KEY', 'rag.web.search.exa_api_key'),
            ('PERPLEXITY_API_KEY', 'rag.web.search.perplexity_api_key'),
            ('PERPLEXITY_MODEL', 'rag.web.search.perplexity_model'),
            ('PERPLEXITY_SEARCH_CONTEXT_USAGE', 'rag.web.search.perplexity_search_context_usage'),
            ('SOUGOU_API_SID', 'rag.web.search.sougou_api_sid'),
            ('SOUGOU_API_SK', 'rag.web.search.sougou_api_sk'),
            ('WEB_LOADER_ENGINE', 'rag.web.loader.engine'),
            ('ENABLE_WEB_LOADER_SSL_VERIFICATION', 'rag.web.loader.ssl_verification'),
            ('PLAYWRIGHT_WS_URL', 'rag.web.loader.playwright_ws_url'),
            ('PLAYWRIGHT_TIMEOUT', 'rag.web.loader.playwright_timeout'),
            ('FIRECRAWL_API_KEY', 'rag.web.loader.firecrawl_api_key'),
            ('FIRECRAWL_API_BASE_URL', 'rag.web.loader.firecrawl_api_url'),
            ('TAVILY_EXTRACT_DEPTH', 'rag.web.search.tavily_extract_depth'),
            ('EXTERNAL_WEB_SEARCH_URL', 'rag.web.search.external_web_search_url'),
            ('EXTERNAL_WEB_SEARCH_API_KEY', 'rag.web.search.external_web_search_api_key'),
            ('EXTERNAL_WEB_LOADER_URL', 'rag.web.loader.external_web_loader_url'),
            ('EXTERNAL_WEB_LOADER_API_KEY', 'rag.web.loader.external_web_loader_api_key'),
            ('YOUTUBE_LOADER_LANGUAGE', 'rag.youtube_loader_language'),
            ('YOUTUBE_LOADER_PROXY_URL', 'rag.youtube_loader_proxy_url'),
            ('YOUTUBE_LOADER_TRANSLATION', 'rag.youtube_loader_translation'),
            ('RAG_OLLAMA_BASE_URL', 'rag.ollama.url'),
            ('RAG_OLLAMA_API_KEY', 'rag.ollama.key'),
            ('RAG_AZURE_OPENAI_BASE_URL', 'rag.azure_openai.base_url'),
            ('RAG_AZURE_OPENAI_API_KEY', 'rag.azure_openai.api_key'),
            ('RAG_AZURE_OPENAI_API_VERSION', 'rag.azure_openai.api_version'),
            ('RAG_TEMPLATE', 'rag.template'),
            ('FILE_MAX_SIZE', 'rag.file.max_size'),
            ('FILE_MAX_COUNT', 'rag.file.max_count'),
            ('ALLOWED_FILE_EXTENSIONS', 'rag.file.allowed_extensions'),
            ('FILE_IMAGE_COMPRESSION_WIDTH', 'file.image_compression_width'),
            ('FILE_IMAGE_COMPRESSION_HEIGHT', 'file.image_compression_height'),
            ('ENABLE_GOOGLE_DRIVE_INTEGRATION', 'google_drive.enable'),
            ('ENABLE_ONEDRIVE_INTEGRATION', 'onedrive.enable'),
            ('ENABLE_WEB_SEARCH', 'rag.web.search.enable')
        ) AS pairs(key, dotted)
    LOOP
        CONTINUE WHEN saved -> m.key IS NULL;
        steps := string_to_array(m.dotted, '.');
        CONTINUE WHEN doc #> steps IS NOT NULL;
        FOR i IN 1 .. array_length(steps, 1) - 1 LOOP
            IF jsonb_typeof(doc #> steps[1:i]) IS DISTINCT FROM 'object' THEN
                doc := jsonb_set(doc, steps[1:i], '{}'::jsonb);
            END IF;
        END LOOP;
        doc := jsonb_set(doc, steps, saved -> m.key);
    END LOOP;
    IF doc_id IS NULL THEN
        INSERT INTO config (data) VALUES (doc);
    ELSE
        UPDATE config SET data = doc, updated_at = now() WHERE id = doc_id;
    END IF;
END $$;

DROP TABLE rag_config;
