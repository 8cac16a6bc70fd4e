package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.core.permission.DefaultPermissions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static dev.webui.core.settings.SettingType.BOOL;
import static dev.webui.core.settings.SettingType.COMMA_LIST;
import static dev.webui.core.settings.SettingType.INT;
import static dev.webui.core.settings.SettingType.JSON;
import static dev.webui.core.settings.SettingType.NUMBER;
import static dev.webui.core.settings.SettingType.OPTIONAL_TEXT;
import static dev.webui.core.settings.SettingType.SEMICOLON_LIST;
import static dev.webui.core.settings.SettingType.TEXT;
import static dev.webui.core.settings.ReadBy.API;
import static dev.webui.core.settings.ReadBy.AUTH;
import static dev.webui.core.settings.ReadBy.FILES;

/**
 * The registry of persistent settings: each declared once, with its dotted path in the settings
 * document ({@code config.data}), the environment variable that seeds it, its type, its default
 * (as JSON text) and the services that read it. Adding a setting is one line here; it is then
 * read, with Open WebUI's precedence, through the services' settings reader (docs/configuration.md).
 */
public final class Settings {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final List<Setting> REGISTERED = new ArrayList<>();

    // Shared by auth-service (sign-in, /auths/admin/config) and api-service (/api/config).
    public static final Setting ENABLE_SIGNUP = of("ui.enable_signup", "ENABLE_SIGNUP", BOOL, "true", API, AUTH);
    public static final Setting ENABLE_LOGIN_FORM = of("ui.ENABLE_LOGIN_FORM", "ENABLE_LOGIN_FORM", BOOL, "true", API, AUTH);
    public static final Setting DEFAULT_LOCALE = of("ui.default_locale", "DEFAULT_LOCALE", TEXT, "\"\"", API);
    public static final Setting DEFAULT_MODELS = of("ui.default_models", "DEFAULT_MODELS", TEXT, "null", API);
    public static final Setting PROMPT_SUGGESTIONS = of("ui.prompt_suggestions", "DEFAULT_PROMPT_SUGGESTIONS", JSON, """
            [{"title":["Help me study","vocabulary for a college entrance exam"],"content":"Help me study vocabulary: write a sentence for me to fill in the blank, and I'll try to pick the correct option."},
             {"title":["Give me ideas","for what to do with my kids' art"],"content":"What are 5 creative things I could do with my kids' art? I don't want to throw them away, but it's also so much clutter."},
             {"title":["Tell me a fun fact","about the Roman Empire"],"content":"Tell me a random fun fact about the Roman Empire"}]""", API);
    public static final Setting MODEL_ORDER_LIST = of("ui.model_order_list", "MODEL_ORDER_LIST", JSON, "[]", API);
    public static final Setting DEFAULT_USER_ROLE = of("ui.default_user_role", "DEFAULT_USER_ROLE", TEXT, "\"pending\"", API, AUTH);
    public static final Setting PENDING_TITLE = of("ui.pending_user_overlay_title", "PENDING_USER_OVERLAY_TITLE", TEXT, "\"\"", API, AUTH);
    public static final Setting PENDING_CONTENT = of("ui.pending_user_overlay_content", "PENDING_USER_OVERLAY_CONTENT", TEXT, "\"\"", API, AUTH);
    public static final Setting RESPONSE_WATERMARK = of("ui.watermark", "RESPONSE_WATERMARK", TEXT, "\"\"", API, AUTH);
    public static final Setting ENABLE_COMMUNITY_SHARING = of("ui.enable_community_sharing", "ENABLE_COMMUNITY_SHARING", BOOL, "true", API, AUTH);
    public static final Setting ENABLE_MESSAGE_RATING = of("ui.enable_message_rating", "ENABLE_MESSAGE_RATING", BOOL, "true", API, AUTH);
    public static final Setting ENABLE_USER_WEBHOOKS = of("ui.enable_user_webhooks", "ENABLE_USER_WEBHOOKS", BOOL, "true", API, AUTH);
    public static final Setting BANNERS = of("ui.banners", "WEBUI_BANNERS", JSON, "[]", API);
    public static final Setting ENABLE_API_KEY = of("auth.api_key.enable", "ENABLE_API_KEY", BOOL, "true", API, AUTH);
    public static final Setting ENABLE_LDAP = of("ldap.enable", "ENABLE_LDAP", BOOL, "false", API, AUTH);
    public static final Setting ENABLE_CHANNELS = of("channels.enable", "ENABLE_CHANNELS", BOOL, "false", API, AUTH);
    public static final Setting ENABLE_NOTES = of("notes.enable", "ENABLE_NOTES", BOOL, "true", API, AUTH);
    public static final Setting ENABLE_DIRECT_CONNECTIONS = of("direct.enable", "ENABLE_DIRECT_CONNECTIONS", BOOL, "false", API);
    public static final Setting ENABLE_BASE_MODELS_CACHE = of("models.base_models_cache", "ENABLE_BASE_MODELS_CACHE", BOOL, "false", API);
    public static final Setting WEBHOOK_URL = of("webhook_url", "WEBHOOK_URL", TEXT, "\"\"", API, AUTH);
    public static final Setting ENABLE_OPENAI_API = of("openai.enable", "ENABLE_OPENAI_API", BOOL, "true", API);
    public static final Setting OPENAI_API_BASE_URLS = of("openai.api_base_urls", "OPENAI_API_BASE_URLS", SEMICOLON_LIST, "[\"https://api.openai.com/v1\"]", API);
    public static final Setting OPENAI_API_KEYS = of("openai.api_keys", "OPENAI_API_KEYS", SEMICOLON_LIST, "[\"\"]", API);
    public static final Setting OPENAI_API_CONFIGS = of("openai.api_configs", "OPENAI_API_CONFIGS", JSON, "{}", API);
    public static final Setting ENABLE_OLLAMA_API = of("ollama.enable", "ENABLE_OLLAMA_API", BOOL, "false", API);
    public static final Setting OLLAMA_BASE_URLS = of("ollama.base_urls", "OLLAMA_BASE_URLS", SEMICOLON_LIST, "[]", API);
    public static final Setting OLLAMA_API_CONFIGS = of("ollama.api_configs", "OLLAMA_API_CONFIGS", JSON, "{}", API);
    public static final Setting ENABLE_CODE_EXECUTION = of("code_execution.enable", "ENABLE_CODE_EXECUTION", BOOL, "true", API);
    public static final Setting CODE_EXECUTION_ENGINE = of("code_execution.engine", "CODE_EXECUTION_ENGINE", TEXT, "\"pyodide\"", API);
    public static final Setting CODE_EXECUTION_JUPYTER_URL = of("code_execution.jupyter.url", "CODE_EXECUTION_JUPYTER_URL", TEXT, "\"\"", API);
    public static final Setting CODE_EXECUTION_JUPYTER_AUTH = of("code_execution.jupyter.auth", "CODE_EXECUTION_JUPYTER_AUTH", TEXT, "\"\"", API);
    public static final Setting CODE_EXECUTION_JUPYTER_AUTH_TOKEN = of("code_execution.jupyter.auth_token", "CODE_EXECUTION_JUPYTER_AUTH_TOKEN", TEXT, "\"\"", API);
    public static final Setting CODE_EXECUTION_JUPYTER_AUTH_PASSWORD = of("code_execution.jupyter.auth_password", "CODE_EXECUTION_JUPYTER_AUTH_PASSWORD", TEXT, "\"\"", API);
    public static final Setting CODE_EXECUTION_JUPYTER_TIMEOUT = of("code_execution.jupyter.timeout", "CODE_EXECUTION_JUPYTER_TIMEOUT", INT, "60", API);
    public static final Setting ENABLE_CODE_INTERPRETER = of("code_interpreter.enable", "ENABLE_CODE_INTERPRETER", BOOL, "true", API);
    public static final Setting CODE_INTERPRETER_ENGINE = of("code_interpreter.engine", "CODE_INTERPRETER_ENGINE", TEXT, "\"pyodide\"", API);
    public static final Setting CODE_INTERPRETER_PROMPT_TEMPLATE = of("code_interpreter.prompt_template", "CODE_INTERPRETER_PROMPT_TEMPLATE", TEXT, "\"\"", API);
    public static final Setting CODE_INTERPRETER_JUPYTER_URL = of("code_interpreter.jupyter.url", "CODE_INTERPRETER_JUPYTER_URL", TEXT, "\"\"", API);
    public static final Setting CODE_INTERPRETER_JUPYTER_AUTH = of("code_interpreter.jupyter.auth", "CODE_INTERPRETER_JUPYTER_AUTH", TEXT, "\"\"", API);
    public static final Setting CODE_INTERPRETER_JUPYTER_AUTH_TOKEN = of("code_interpreter.jupyter.auth_token", "CODE_INTERPRETER_JUPYTER_AUTH_TOKEN", TEXT, "\"\"", API);
    public static final Setting CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD = of("code_interpreter.jupyter.auth_password", "CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD", TEXT, "\"\"", API);
    public static final Setting CODE_INTERPRETER_JUPYTER_TIMEOUT = of("code_interpreter.jupyter.timeout", "CODE_INTERPRETER_JUPYTER_TIMEOUT", INT, "60", API);
    public static final Setting TOOL_SERVER_CONNECTIONS = of("tool_server.connections", "TOOL_SERVER_CONNECTIONS", JSON, "[]", API);
    public static final Setting ENABLE_IMAGE_GENERATION = of("image_generation.enable", "ENABLE_IMAGE_GENERATION", BOOL, "false", API);
    public static final Setting ENABLE_WEB_SEARCH = of("rag.web.search.enable", "ENABLE_WEB_SEARCH", BOOL, "false", API, FILES);
    public static final Setting ENABLE_AUTOCOMPLETE = of("task.autocomplete.enable", "ENABLE_AUTOCOMPLETE_GENERATION", BOOL, "true", API);
    public static final Setting TTS_ENGINE = of("audio.tts.engine", "AUDIO_TTS_ENGINE", TEXT, "\"\"", API);
    public static final Setting TTS_VOICE = of("audio.tts.voice", "AUDIO_TTS_VOICE", TEXT, "\"alloy\"", API);
    public static final Setting TTS_SPLIT_ON = of("audio.tts.split_on", "AUDIO_TTS_SPLIT_ON", TEXT, "\"punctuation\"", API);
    public static final Setting STT_ENGINE = of("audio.stt.engine", "AUDIO_STT_ENGINE", TEXT, "\"\"", API, FILES);
    public static final Setting IMAGE_COMPRESSION_WIDTH = of("file.image_compression_width", "FILE_IMAGE_COMPRESSION_WIDTH", INT, "null", API, FILES);
    public static final Setting IMAGE_COMPRESSION_HEIGHT = of("file.image_compression_height", "FILE_IMAGE_COMPRESSION_HEIGHT", INT, "null", API, FILES);
    public static final Setting ENABLE_GOOGLE_DRIVE = of("google_drive.enable", "ENABLE_GOOGLE_DRIVE_INTEGRATION", BOOL, "false", API, FILES);
    public static final Setting GOOGLE_DRIVE_CLIENT_ID = of("google_drive.client_id", "GOOGLE_DRIVE_CLIENT_ID", TEXT, "\"\"", API);
    public static final Setting GOOGLE_DRIVE_API_KEY = of("google_drive.api_key", "GOOGLE_DRIVE_API_KEY", TEXT, "\"\"", API);
    public static final Setting ENABLE_ONEDRIVE = of("onedrive.enable", "ENABLE_ONEDRIVE_INTEGRATION", BOOL, "false", API, FILES);
    public static final Setting ONEDRIVE_SHAREPOINT_URL = of("onedrive.sharepoint_url", "ONEDRIVE_SHAREPOINT_URL", TEXT, "\"\"", API);
    public static final Setting ONEDRIVE_SHAREPOINT_TENANT_ID = of("onedrive.sharepoint_tenant_id", "ONEDRIVE_SHAREPOINT_TENANT_ID", TEXT, "\"\"", API);
    public static final Setting ENABLE_ARENA_MODELS = of("evaluation.arena.enable", "ENABLE_EVALUATION_ARENA_MODELS", BOOL, "true", API);
    public static final Setting ARENA_MODELS = of("evaluation.arena.models", "EVALUATION_ARENA_MODELS", JSON, "[]", API);
    public static final Setting USER_PERMISSIONS = of("user.permissions", "USER_PERMISSIONS", JSON, DefaultPermissions.JSON, API, AUTH);
    // Audio (the Audio page): read by api-service's speech engines (docs/audio.md).
    public static final Setting TTS_OPENAI_URL = of("audio.tts.openai.api_base_url", "AUDIO_TTS_OPENAI_API_BASE_URL", TEXT, "\"https://api.openai.com/v1\"", API);
    public static final Setting TTS_OPENAI_KEY = of("audio.tts.openai.api_key", "AUDIO_TTS_OPENAI_API_KEY", TEXT, "\"\"", API);
    public static final Setting TTS_API_KEY = of("audio.tts.api_key", "AUDIO_TTS_API_KEY", TEXT, "\"\"", API);
    public static final Setting TTS_MODEL = of("audio.tts.model", "AUDIO_TTS_MODEL", TEXT, "\"tts-1\"", API);
    public static final Setting TTS_AZURE_REGION = of("audio.tts.azure.speech_region", "AUDIO_TTS_AZURE_SPEECH_REGION", TEXT, "\"\"", API);
    public static final Setting TTS_AZURE_BASE_URL = of("audio.tts.azure.speech_base_url", "AUDIO_TTS_AZURE_SPEECH_BASE_URL", TEXT, "\"\"", API);
    public static final Setting TTS_AZURE_OUTPUT_FORMAT = of("audio.tts.azure.speech_output_format", "AUDIO_TTS_AZURE_SPEECH_OUTPUT_FORMAT", TEXT, "\"audio-24khz-160kbitrate-mono-mp3\"", API);
    public static final Setting STT_OPENAI_URL = of("audio.stt.openai.api_base_url", "AUDIO_STT_OPENAI_API_BASE_URL", TEXT, "\"https://api.openai.com/v1\"", API);
    public static final Setting STT_OPENAI_KEY = of("audio.stt.openai.api_key", "AUDIO_STT_OPENAI_API_KEY", TEXT, "\"\"", API);
    public static final Setting STT_MODEL = of("audio.stt.model", "AUDIO_STT_MODEL", TEXT, "\"\"", API);
    public static final Setting STT_CONTENT_TYPES = of("audio.stt.supported_content_types", "AUDIO_STT_SUPPORTED_CONTENT_TYPES", COMMA_LIST, "[]", API, FILES);
    public static final Setting WHISPER_MODEL = of("audio.stt.whisper_model", "WHISPER_MODEL", TEXT, "\"base\"", API);
    public static final Setting DEEPGRAM_API_KEY = of("audio.stt.deepgram.api_key", "DEEPGRAM_API_KEY", TEXT, "\"\"", API);
    public static final Setting STT_AZURE_KEY = of("audio.stt.azure.api_key", "AUDIO_STT_AZURE_API_KEY", TEXT, "\"\"", API);
    public static final Setting STT_AZURE_REGION = of("audio.stt.azure.region", "AUDIO_STT_AZURE_REGION", TEXT, "\"\"", API);
    public static final Setting STT_AZURE_LOCALES = of("audio.stt.azure.locales", "AUDIO_STT_AZURE_LOCALES", TEXT, "\"\"", API);
    public static final Setting STT_AZURE_BASE_URL = of("audio.stt.azure.base_url", "AUDIO_STT_AZURE_BASE_URL", TEXT, "\"\"", API);
    public static final Setting STT_AZURE_MAX_SPEAKERS = of("audio.stt.azure.max_speakers", "AUDIO_STT_AZURE_MAX_SPEAKERS", TEXT, "\"\"", API);
    // Image generation (the Images page): stored and answered; the generation engine is not built yet (docs/api.md).
    public static final Setting IMAGE_ENGINE = of("image_generation.engine", "IMAGE_GENERATION_ENGINE", TEXT, "\"openai\"", API);
    public static final Setting IMAGE_PROMPT_GENERATION = of("image_generation.prompt.enable", "ENABLE_IMAGE_PROMPT_GENERATION", BOOL, "true", API);
    public static final Setting IMAGES_OPENAI_URL = of("image_generation.openai.api_base_url", "IMAGES_OPENAI_API_BASE_URL", TEXT, "\"https://api.openai.com/v1\"", API);
    public static final Setting IMAGES_OPENAI_VERSION = of("image_generation.openai.api_version", "IMAGES_OPENAI_API_VERSION", TEXT, "\"\"", API);
    public static final Setting IMAGES_OPENAI_KEY = of("image_generation.openai.api_key", "IMAGES_OPENAI_API_KEY", TEXT, "\"\"", API);
    public static final Setting AUTOMATIC1111_URL = of("image_generation.automatic1111.base_url", "AUTOMATIC1111_BASE_URL", TEXT, "\"\"", API);
    public static final Setting AUTOMATIC1111_AUTH = of("image_generation.automatic1111.api_auth", "AUTOMATIC1111_API_AUTH", TEXT, "\"\"", API);
    public static final Setting AUTOMATIC1111_CFG_SCALE = of("image_generation.automatic1111.cfg_scale", "AUTOMATIC1111_CFG_SCALE", NUMBER, "null", API);
    public static final Setting AUTOMATIC1111_SAMPLER = of("image_generation.automatic1111.sampler", "AUTOMATIC1111_SAMPLER", OPTIONAL_TEXT, "null", API);
    public static final Setting AUTOMATIC1111_SCHEDULER = of("image_generation.automatic1111.scheduler", "AUTOMATIC1111_SCHEDULER", OPTIONAL_TEXT, "null", API);
    public static final Setting COMFYUI_URL = of("image_generation.comfyui.base_url", "COMFYUI_BASE_URL", TEXT, "\"\"", API);
    public static final Setting COMFYUI_KEY = of("image_generation.comfyui.api_key", "COMFYUI_API_KEY", TEXT, "\"\"", API);
    public static final Setting COMFYUI_WORKFLOW = of("image_generation.comfyui.workflow", "COMFYUI_WORKFLOW", TEXT, "\"\"", API);
    public static final Setting COMFYUI_WORKFLOW_NODES = of("image_generation.comfyui.nodes", "COMFYUI_WORKFLOW_NODES", JSON, "[]", API);
    public static final Setting IMAGES_GEMINI_URL = of("image_generation.gemini.api_base_url", "IMAGES_GEMINI_API_BASE_URL", TEXT, "\"\"", API);
    public static final Setting IMAGES_GEMINI_KEY = of("image_generation.gemini.api_key", "IMAGES_GEMINI_API_KEY", TEXT, "\"\"", API);
    public static final Setting IMAGE_MODEL = of("image_generation.model", "IMAGE_GENERATION_MODEL", TEXT, "\"\"", API);
    public static final Setting IMAGE_SIZE = of("image_generation.size", "IMAGE_SIZE", TEXT, "\"512x512\"", API);
    public static final Setting IMAGE_STEPS = of("image_generation.steps", "IMAGE_STEPS", INT, "50", API);
    // Background tasks (title, tags, follow-ups, queries): task model and prompt templates; "" means the built-in prompt.
    public static final Setting TASK_MODEL = of("task.model.default", "TASK_MODEL", TEXT, "\"\"", API);
    public static final Setting TASK_MODEL_EXTERNAL = of("task.model.external", "TASK_MODEL_EXTERNAL", TEXT, "\"\"", API);
    public static final Setting ENABLE_TITLE_GENERATION = of("task.title.enable", "ENABLE_TITLE_GENERATION", BOOL, "true", API);
    public static final Setting TITLE_PROMPT = of("task.title.prompt_template", "TITLE_GENERATION_PROMPT_TEMPLATE", TEXT, "\"\"", API);
    public static final Setting IMAGE_PROMPT = of("task.image.prompt_template", "IMAGE_PROMPT_GENERATION_PROMPT_TEMPLATE", TEXT, "\"\"", API);
    public static final Setting AUTOCOMPLETE_INPUT_MAX_LENGTH = of("task.autocomplete.input_max_length", "AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH", INT, "-1", API);
    public static final Setting ENABLE_TAGS_GENERATION = of("task.tags.enable", "ENABLE_TAGS_GENERATION", BOOL, "true", API);
    public static final Setting TAGS_PROMPT = of("task.tags.prompt_template", "TAGS_GENERATION_PROMPT_TEMPLATE", TEXT, "\"\"", API);
    public static final Setting ENABLE_FOLLOW_UP_GENERATION = of("task.follow_up.enable", "ENABLE_FOLLOW_UP_GENERATION", BOOL, "true", API);
    public static final Setting FOLLOW_UP_PROMPT = of("task.follow_up.prompt_template", "FOLLOW_UP_GENERATION_PROMPT_TEMPLATE", TEXT, "\"\"", API);
    public static final Setting ENABLE_SEARCH_QUERY_GENERATION = of("task.query.search.enable", "ENABLE_SEARCH_QUERY_GENERATION", BOOL, "true", API);
    public static final Setting ENABLE_RETRIEVAL_QUERY_GENERATION = of("task.query.retrieval.enable", "ENABLE_RETRIEVAL_QUERY_GENERATION", BOOL, "true", API);
    public static final Setting QUERY_PROMPT = of("task.query.prompt_template", "QUERY_GENERATION_PROMPT_TEMPLATE", TEXT, "\"\"", API);
    public static final Setting TOOLS_PROMPT = of("task.tools.prompt_template", "TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE", TEXT, "\"\"", API);

    // Autocomplete task (/api/v1/tasks/auto/completions, docs/pipelines.md): the admin's template; "" means the built-in one.
    public static final Setting AUTOCOMPLETE_PROMPT = of("task.autocomplete.prompt_template", "AUTOCOMPLETE_GENERATION_PROMPT_TEMPLATE", TEXT, "\"\"", API);


    // auth-service: sign-in and API-key policy (/auths/admin/config); the API-key keys are also read by every service's key check.
    public static final Setting SHOW_ADMIN_DETAILS = of("auth.admin.show", "SHOW_ADMIN_DETAILS", BOOL, "true", AUTH);
    public static final Setting ADMIN_EMAIL = of("auth.admin.email", "ADMIN_EMAIL", TEXT, "\"\"", AUTH);
    public static final Setting WEBUI_URL = of("webui.url", "WEBUI_URL", TEXT, "\"\"", AUTH, API);
    public static final Setting JWT_EXPIRES_IN = of("auth.jwt_expiry", "JWT_EXPIRES_IN", TEXT, "\"4w\"", AUTH);
    public static final Setting ENABLE_API_KEY_ENDPOINT_RESTRICTIONS = of("auth.api_key.endpoint_restrictions", "ENABLE_API_KEY_ENDPOINT_RESTRICTIONS", BOOL, "false", AUTH);
    public static final Setting API_KEY_ALLOWED_ENDPOINTS = of("auth.api_key.allowed_endpoints", "API_KEY_ALLOWED_ENDPOINTS", TEXT, "\"\"", AUTH);
    // auth-service: the LDAP server (/auths/admin/config/ldap/server); an empty text falls back to the environment.
    public static final Setting LDAP_SERVER_LABEL = of("ldap.server.label", "LDAP_SERVER_LABEL", TEXT, "\"LDAP Server\"", AUTH);
    public static final Setting LDAP_SERVER_HOST = of("ldap.server.host", "LDAP_SERVER_HOST", TEXT, "\"localhost\"", AUTH);
    public static final Setting LDAP_SERVER_PORT = of("ldap.server.port", "LDAP_SERVER_PORT", INT, "389", AUTH);
    public static final Setting LDAP_ATTRIBUTE_FOR_MAIL = of("ldap.server.attribute_for_mail", "LDAP_ATTRIBUTE_FOR_MAIL", TEXT, "\"mail\"", AUTH);
    public static final Setting LDAP_ATTRIBUTE_FOR_USERNAME = of("ldap.server.attribute_for_username", "LDAP_ATTRIBUTE_FOR_USERNAME", TEXT, "\"uid\"", AUTH);
    public static final Setting LDAP_APP_DN = of("ldap.server.app_dn", "LDAP_APP_DN", OPTIONAL_TEXT, "null", AUTH);
    public static final Setting LDAP_APP_PASSWORD = of("ldap.server.app_password", "LDAP_APP_PASSWORD", OPTIONAL_TEXT, "null", AUTH);
    public static final Setting LDAP_SEARCH_BASE = of("ldap.server.users_dn", "LDAP_SEARCH_BASE", OPTIONAL_TEXT, "null", AUTH);
    public static final Setting LDAP_SEARCH_FILTERS = of("ldap.server.search_filter", "LDAP_SEARCH_FILTERS", OPTIONAL_TEXT, "null", AUTH);
    public static final Setting LDAP_USE_TLS = of("ldap.server.use_tls", "LDAP_USE_TLS", BOOL, "true", AUTH);
    public static final Setting LDAP_CA_CERT_FILE = of("ldap.server.ca_cert_file", "LDAP_CA_CERT_FILE", OPTIONAL_TEXT, "null", AUTH);
    public static final Setting LDAP_VALIDATE_CERT = of("ldap.server.validate_cert", "LDAP_VALIDATE_CERT", BOOL, "true", AUTH);
    public static final Setting LDAP_CIPHERS = of("ldap.server.ciphers", "LDAP_CIPHERS", OPTIONAL_TEXT, "null", AUTH);
    // Retrieval: the upload limits file-service enforces and api-service advertises, and the RAG template completions use.
    public static final Setting FILE_MAX_SIZE = of("rag.file.max_size", "FILE_MAX_SIZE", INT, "null", API, FILES);
    public static final Setting FILE_MAX_COUNT = of("rag.file.max_count", "FILE_MAX_COUNT", INT, "null", API, FILES);
    public static final Setting ALLOWED_FILE_EXTENSIONS = of("rag.file.allowed_extensions", "ALLOWED_FILE_EXTENSIONS", COMMA_LIST, "[]", FILES);
    public static final Setting RAG_TEMPLATE = of("rag.template", "RAG_TEMPLATE", TEXT, DefaultRagTemplate.JSON, API, FILES);
    // Retrieval (file-service's Documents and Web Search pages, /api/v1/retrieval/config). Open WebUI's paths and
    // variables; RAG_EMBEDDING_BATCH_SIZE defaults to 32 (Open WebUI: 1) and RAG_TEXT_SPLITTER to "character" (Open WebUI: ""),
    // the chunker and embedder this suite has.
    public static final Setting CHUNK_SIZE = of("rag.chunk_size", "CHUNK_SIZE", INT, "1000", FILES);
    public static final Setting CHUNK_OVERLAP = of("rag.chunk_overlap", "CHUNK_OVERLAP", INT, "100", FILES);
    public static final Setting TEXT_SPLITTER = of("rag.text_splitter", "RAG_TEXT_SPLITTER", TEXT, "\"character\"", FILES);
    public static final Setting CONTENT_EXTRACTION_ENGINE = of("rag.CONTENT_EXTRACTION_ENGINE", "CONTENT_EXTRACTION_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting RAG_TOP_K = of("rag.top_k", "RAG_TOP_K", INT, "3", FILES);
    public static final Setting RAG_RELEVANCE_THRESHOLD = of("rag.relevance_threshold", "RAG_RELEVANCE_THRESHOLD", NUMBER, "0.0", FILES);
    public static final Setting ENABLE_RAG_HYBRID_SEARCH = of("rag.enable_hybrid_search", "ENABLE_RAG_HYBRID_SEARCH", BOOL, "false", FILES);
    public static final Setting RAG_EMBEDDING_ENGINE = of("rag.embedding_engine", "RAG_EMBEDDING_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting RAG_EMBEDDING_MODEL = of("rag.embedding_model", "RAG_EMBEDDING_MODEL", TEXT, "\"sentence-transformers/all-MiniLM-L6-v2\"", FILES);
    public static final Setting RAG_EMBEDDING_BATCH_SIZE = of("rag.embedding_batch_size", "RAG_EMBEDDING_BATCH_SIZE", INT, "32", FILES);
    public static final Setting RAG_OPENAI_API_BASE_URL = of("rag.openai_api_base_url", "RAG_OPENAI_API_BASE_URL", TEXT, "\"https://api.openai.com/v1\"", FILES);
    public static final Setting RAG_OPENAI_API_KEY = of("rag.openai_api_key", "RAG_OPENAI_API_KEY", TEXT, "\"\"", FILES);
    // Retrieval settings stored and answered that no engine of file-service reads yet.
    public static final Setting BYPASS_EMBEDDING_AND_RETRIEVAL = of("rag.bypass_embedding_and_retrieval", "BYPASS_EMBEDDING_AND_RETRIEVAL", BOOL, "false", FILES);
    public static final Setting RAG_FULL_CONTEXT = of("rag.full_context", "RAG_FULL_CONTEXT", BOOL, "false", FILES);
    public static final Setting TOP_K_RERANKER = of("rag.top_k_reranker", "RAG_TOP_K_RERANKER", INT, "3", FILES);
    public static final Setting HYBRID_BM25_WEIGHT = of("rag.hybrid_bm25_weight", "RAG_HYBRID_BM25_WEIGHT", NUMBER, "0.5", FILES);
    public static final Setting PDF_EXTRACT_IMAGES = of("rag.pdf_extract_images", "PDF_EXTRACT_IMAGES", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_API_KEY = of("rag.datalab_marker_api_key", "DATALAB_MARKER_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting DATALAB_MARKER_API_BASE_URL = of("rag.datalab_marker_api_base_url", "DATALAB_MARKER_API_BASE_URL", TEXT, "\"\"", FILES);
    public static final Setting DATALAB_MARKER_ADDITIONAL_CONFIG = of("rag.datalab_marker_additional_config", "DATALAB_MARKER_ADDITIONAL_CONFIG", TEXT, "\"\"", FILES);
    public static final Setting DATALAB_MARKER_SKIP_CACHE = of("rag.datalab_marker_skip_cache", "DATALAB_MARKER_SKIP_CACHE", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_FORCE_OCR = of("rag.datalab_marker_force_ocr", "DATALAB_MARKER_FORCE_OCR", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_PAGINATE = of("rag.datalab_marker_paginate", "DATALAB_MARKER_PAGINATE", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_STRIP_EXISTING_OCR = of("rag.datalab_marker_strip_existing_ocr", "DATALAB_MARKER_STRIP_EXISTING_OCR", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION = of("rag.datalab_marker_disable_image_extraction", "DATALAB_MARKER_DISABLE_IMAGE_EXTRACTION", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_FORMAT_LINES = of("rag.datalab_marker_format_lines", "DATALAB_MARKER_FORMAT_LINES", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_USE_LLM = of("rag.DATALAB_MARKER_USE_LLM", "DATALAB_MARKER_USE_LLM", BOOL, "false", FILES);
    public static final Setting DATALAB_MARKER_OUTPUT_FORMAT = of("rag.datalab_marker_output_format", "DATALAB_MARKER_OUTPUT_FORMAT", TEXT, "\"markdown\"", FILES);
    public static final Setting EXTERNAL_DOCUMENT_LOADER_URL = of("rag.external_document_loader_url", "EXTERNAL_DOCUMENT_LOADER_URL", TEXT, "\"\"", FILES);
    public static final Setting EXTERNAL_DOCUMENT_LOADER_API_KEY = of("rag.external_document_loader_api_key", "EXTERNAL_DOCUMENT_LOADER_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting TIKA_SERVER_URL = of("rag.tika_server_url", "TIKA_SERVER_URL", TEXT, "\"http://tika:9998\"", FILES);
    public static final Setting DOCLING_SERVER_URL = of("rag.docling_server_url", "DOCLING_SERVER_URL", TEXT, "\"http://docling:5001\"", FILES);
    public static final Setting DOCLING_DO_OCR = of("rag.docling_do_ocr", "DOCLING_DO_OCR", BOOL, "true", FILES);
    public static final Setting DOCLING_FORCE_OCR = of("rag.docling_force_ocr", "DOCLING_FORCE_OCR", BOOL, "false", FILES);
    public static final Setting DOCLING_OCR_ENGINE = of("rag.docling_ocr_engine", "DOCLING_OCR_ENGINE", TEXT, "\"tesseract\"", FILES);
    public static final Setting DOCLING_OCR_LANG = of("rag.docling_ocr_lang", "DOCLING_OCR_LANG", TEXT, "\"eng,fra,deu,spa\"", FILES);
    public static final Setting DOCLING_PDF_BACKEND = of("rag.docling_pdf_backend", "DOCLING_PDF_BACKEND", TEXT, "\"dlparse_v4\"", FILES);
    public static final Setting DOCLING_TABLE_MODE = of("rag.docling_table_mode", "DOCLING_TABLE_MODE", TEXT, "\"accurate\"", FILES);
    public static final Setting DOCLING_PIPELINE = of("rag.docling_pipeline", "DOCLING_PIPELINE", TEXT, "\"standard\"", FILES);
    public static final Setting DOCLING_DO_PICTURE_DESCRIPTION = of("rag.docling_do_picture_description", "DOCLING_DO_PICTURE_DESCRIPTION", BOOL, "false", FILES);
    public static final Setting DOCLING_PICTURE_DESCRIPTION_MODE = of("rag.docling_picture_description_mode", "DOCLING_PICTURE_DESCRIPTION_MODE", TEXT, "\"\"", FILES);
    public static final Setting DOCLING_PICTURE_DESCRIPTION_LOCAL = of("rag.docling_picture_description_local", "DOCLING_PICTURE_DESCRIPTION_LOCAL", JSON, "{}", FILES);
    public static final Setting DOCLING_PICTURE_DESCRIPTION_API = of("rag.docling_picture_description_api", "DOCLING_PICTURE_DESCRIPTION_API", JSON, "{}", FILES);
    public static final Setting DOCUMENT_INTELLIGENCE_ENDPOINT = of("rag.document_intelligence_endpoint", "DOCUMENT_INTELLIGENCE_ENDPOINT", TEXT, "\"\"", FILES);
    public static final Setting DOCUMENT_INTELLIGENCE_KEY = of("rag.document_intelligence_key", "DOCUMENT_INTELLIGENCE_KEY", TEXT, "\"\"", FILES);
    public static final Setting MISTRAL_OCR_API_KEY = of("rag.mistral_ocr_api_key", "MISTRAL_OCR_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting RAG_RERANKING_MODEL = of("rag.reranking_model", "RAG_RERANKING_MODEL", TEXT, "\"\"", FILES);
    public static final Setting RAG_RERANKING_ENGINE = of("rag.reranking_engine", "RAG_RERANKING_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting RAG_EXTERNAL_RERANKER_URL = of("rag.external_reranker_url", "RAG_EXTERNAL_RERANKER_URL", TEXT, "\"\"", FILES);
    public static final Setting RAG_EXTERNAL_RERANKER_API_KEY = of("rag.external_reranker_api_key", "RAG_EXTERNAL_RERANKER_API_KEY", TEXT, "\"\"", FILES);
    // Web search and web loaders (the Web Search page, the "web" block of /retrieval/config).
    public static final Setting WEB_SEARCH_ENGINE = of("rag.web.search.engine", "WEB_SEARCH_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting WEB_SEARCH_TRUST_ENV = of("rag.web.search.trust_env", "WEB_SEARCH_TRUST_ENV", BOOL, "false", FILES);
    public static final Setting WEB_SEARCH_RESULT_COUNT = of("rag.web.search.result_count", "WEB_SEARCH_RESULT_COUNT", INT, "3", FILES);
    public static final Setting WEB_SEARCH_CONCURRENT_REQUESTS = of("rag.web.search.concurrent_requests", "WEB_SEARCH_CONCURRENT_REQUESTS", INT, "10", FILES);
    public static final Setting WEB_LOADER_CONCURRENT_REQUESTS = of("rag.web.loader.concurrent_requests", "WEB_LOADER_CONCURRENT_REQUESTS", INT, "10", FILES);
    public static final Setting WEB_SEARCH_DOMAIN_FILTER_LIST = of("rag.web.search.domain.filter_list", "WEB_SEARCH_DOMAIN_FILTER_LIST", COMMA_LIST, "[]", FILES);
    public static final Setting BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL = of("rag.web.search.bypass_embedding_and_retrieval", "BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", BOOL, "false", FILES);
    public static final Setting BYPASS_WEB_SEARCH_WEB_LOADER = of("rag.web.search.bypass_web_loader", "BYPASS_WEB_SEARCH_WEB_LOADER", BOOL, "false", FILES);
    public static final Setting WEB_SEARCH_OLLAMA_CLOUD_API_KEY = of("rag.web.search.ollama_cloud_api_key", "OLLAMA_CLOUD_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SEARXNG_QUERY_URL = of("rag.web.search.searxng_query_url", "SEARXNG_QUERY_URL", TEXT, "\"\"", FILES);
    public static final Setting YACY_QUERY_URL = of("rag.web.search.yacy_query_url", "YACY_QUERY_URL", TEXT, "\"\"", FILES);
    public static final Setting YACY_USERNAME = of("rag.web.search.yacy_username", "YACY_USERNAME", TEXT, "\"\"", FILES);
    public static final Setting YACY_PASSWORD = of("rag.web.search.yacy_password", "YACY_PASSWORD", TEXT, "\"\"", FILES);
    public static final Setting GOOGLE_PSE_API_KEY = of("rag.web.search.google_pse_api_key", "GOOGLE_PSE_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting GOOGLE_PSE_ENGINE_ID = of("rag.web.search.google_pse_engine_id", "GOOGLE_PSE_ENGINE_ID", TEXT, "\"\"", FILES);
    public static final Setting BRAVE_SEARCH_API_KEY = of("rag.web.search.brave_search_api_key", "BRAVE_SEARCH_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting KAGI_SEARCH_API_KEY = of("rag.web.search.kagi_search_api_key", "KAGI_SEARCH_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting MOJEEK_SEARCH_API_KEY = of("rag.web.search.mojeek_search_api_key", "MOJEEK_SEARCH_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting BOCHA_SEARCH_API_KEY = of("rag.web.search.bocha_search_api_key", "BOCHA_SEARCH_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SERPSTACK_API_KEY = of("rag.web.search.serpstack_api_key", "SERPSTACK_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SERPSTACK_HTTPS = of("rag.web.search.serpstack_https", "SERPSTACK_HTTPS", BOOL, "true", FILES);
    public static final Setting SERPER_API_KEY = of("rag.web.search.serper_api_key", "SERPER_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SERPLY_API_KEY = of("rag.web.search.serply_api_key", "SERPLY_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting TAVILY_API_KEY = of("rag.web.search.tavily_api_key", "TAVILY_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SEARCHAPI_API_KEY = of("rag.web.search.searchapi_api_key", "SEARCHAPI_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SEARCHAPI_ENGINE = of("rag.web.search.searchapi_engine", "SEARCHAPI_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting SERPAPI_API_KEY = of("rag.web.search.serpapi_api_key", "SERPAPI_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting SERPAPI_ENGINE = of("rag.web.search.serpapi_engine", "SERPAPI_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting JINA_API_KEY = of("rag.web.search.jina_api_key", "JINA_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting BING_SEARCH_V7_ENDPOINT = of("rag.web.search.bing_search_v7_endpoint", "BING_SEARCH_V7_ENDPOINT", TEXT, "\"https://api.bing.microsoft.com/v7.0/search\"", FILES);
    public static final Setting BING_SEARCH_V7_SUBSCRIPTION_KEY = of("rag.web.search.bing_search_v7_subscription_key", "BING_SEARCH_V7_SUBSCRIPTION_KEY", TEXT, "\"\"", FILES);
    public static final Setting EXA_API_KEY = of("rag.web.search.exa_api_key", "EXA_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting PERPLEXITY_API_KEY = of("rag.web.search.perplexity_api_key", "PERPLEXITY_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting PERPLEXITY_MODEL = of("rag.web.search.perplexity_model", "PERPLEXITY_MODEL", TEXT, "\"sonar\"", FILES);
    public static final Setting PERPLEXITY_SEARCH_CONTEXT_USAGE = of("rag.web.search.perplexity_search_context_usage", "PERPLEXITY_SEARCH_CONTEXT_USAGE", TEXT, "\"medium\"", FILES);
    public static final Setting SOUGOU_API_SID = of("rag.web.search.sougou_api_sid", "SOUGOU_API_SID", TEXT, "\"\"", FILES);
    public static final Setting SOUGOU_API_SK = of("rag.web.search.sougou_api_sk", "SOUGOU_API_SK", TEXT, "\"\"", FILES);
    public static final Setting WEB_LOADER_ENGINE = of("rag.web.loader.engine", "WEB_LOADER_ENGINE", TEXT, "\"\"", FILES);
    public static final Setting ENABLE_WEB_LOADER_SSL_VERIFICATION = of("rag.web.loader.ssl_verification", "ENABLE_WEB_LOADER_SSL_VERIFICATION", BOOL, "true", FILES);
    public static final Setting PLAYWRIGHT_WS_URL = of("rag.web.loader.playwright_ws_url", "PLAYWRIGHT_WS_URL", TEXT, "\"\"", FILES);
    public static final Setting PLAYWRIGHT_TIMEOUT = of("rag.web.loader.playwright_timeout", "PLAYWRIGHT_TIMEOUT", INT, "10000", FILES);
    public static final Setting FIRECRAWL_API_KEY = of("rag.web.loader.firecrawl_api_key", "FIRECRAWL_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting FIRECRAWL_API_BASE_URL = of("rag.web.loader.firecrawl_api_url", "FIRECRAWL_API_BASE_URL", TEXT, "\"https://api.firecrawl.dev\"", FILES);
    public static final Setting TAVILY_EXTRACT_DEPTH = of("rag.web.search.tavily_extract_depth", "TAVILY_EXTRACT_DEPTH", TEXT, "\"basic\"", FILES);
    public static final Setting EXTERNAL_WEB_SEARCH_URL = of("rag.web.search.external_web_search_url", "EXTERNAL_WEB_SEARCH_URL", TEXT, "\"\"", FILES);
    public static final Setting EXTERNAL_WEB_SEARCH_API_KEY = of("rag.web.search.external_web_search_api_key", "EXTERNAL_WEB_SEARCH_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting EXTERNAL_WEB_LOADER_URL = of("rag.web.loader.external_web_loader_url", "EXTERNAL_WEB_LOADER_URL", TEXT, "\"\"", FILES);
    public static final Setting EXTERNAL_WEB_LOADER_API_KEY = of("rag.web.loader.external_web_loader_api_key", "EXTERNAL_WEB_LOADER_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting YOUTUBE_LOADER_LANGUAGE = of("rag.youtube_loader_language", "YOUTUBE_LOADER_LANGUAGE", COMMA_LIST, "[\"en\"]", FILES);
    public static final Setting YOUTUBE_LOADER_PROXY_URL = of("rag.youtube_loader_proxy_url", "YOUTUBE_LOADER_PROXY_URL", TEXT, "\"\"", FILES);
    public static final Setting YOUTUBE_LOADER_TRANSLATION = of("rag.youtube_loader_translation", "YOUTUBE_LOADER_TRANSLATION", OPTIONAL_TEXT, "null", FILES);
    // Web search and web pages in chat (issue 21): Open WebUI's ENABLE_RAG_LOCAL_WEB_FETCH is an environment variable only;
    // here it is also stored, so an admin can let the page loader reach private, loopback and link-local addresses.
    public static final Setting ENABLE_RAG_LOCAL_WEB_FETCH = of("rag.web.loader.enable_local_web_fetch", "ENABLE_RAG_LOCAL_WEB_FETCH", BOOL, "false", FILES);
    // Ours: hosts (names or IP literals) the loader may reach even though they are private, e.g. an intranet wiki.
    public static final Setting WEB_LOADER_LOCAL_ALLOWLIST = of("rag.web.loader.local_allowlist", "WEB_LOADER_LOCAL_ALLOWLIST", COMMA_LIST, "[]", FILES);
    // Embedding connections of /retrieval/embedding; an unset RAG_OLLAMA_BASE_URL falls back to OLLAMA_BASE_URL.
    public static final Setting RAG_OLLAMA_BASE_URL = of("rag.ollama.url", "RAG_OLLAMA_BASE_URL", TEXT, "null", FILES);
    public static final Setting RAG_OLLAMA_API_KEY = of("rag.ollama.key", "RAG_OLLAMA_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting RAG_AZURE_OPENAI_BASE_URL = of("rag.azure_openai.base_url", "RAG_AZURE_OPENAI_BASE_URL", TEXT, "\"\"", FILES);
    public static final Setting RAG_AZURE_OPENAI_API_KEY = of("rag.azure_openai.api_key", "RAG_AZURE_OPENAI_API_KEY", TEXT, "\"\"", FILES);
    public static final Setting RAG_AZURE_OPENAI_API_VERSION = of("rag.azure_openai.api_version", "RAG_AZURE_OPENAI_API_VERSION", TEXT, "\"\"", FILES);

    /** Every setting, in declaration order. */
    public static final List<Setting> ALL = Collections.unmodifiableList(REGISTERED);

    private Settings() {
    }

    private static Setting of(String path, String env, SettingType type, String defaultJson, ReadBy... readers) {
        JsonNode value;
        try {
            value = PLAIN.readTree(defaultJson);
        } catch (Exception e) {
            throw new ExceptionInInitializerError("Bad default for " + path);
        }
        Setting setting = new Setting(path, env, type, value, Set.of(readers));
        REGISTERED.add(setting);
        return setting;
    }
}
