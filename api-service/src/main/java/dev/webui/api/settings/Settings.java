package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.core.permission.DefaultPermissions;

import java.util.List;

/**
 * The persistent settings api-service reads, at Open WebUI's paths in {@code config.data} and
 * under its environment variable names (docs/api.md has the table).
 */
public final class Settings {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    public static final Setting ENABLE_SIGNUP = of("ui.enable_signup", "ENABLE_SIGNUP", SettingType.BOOL, "true");
    public static final Setting ENABLE_LOGIN_FORM = of("ui.ENABLE_LOGIN_FORM", "ENABLE_LOGIN_FORM", SettingType.BOOL, "true");
    public static final Setting DEFAULT_LOCALE = of("ui.default_locale", "DEFAULT_LOCALE", SettingType.TEXT, "\"\"");
    public static final Setting DEFAULT_MODELS = of("ui.default_models", "DEFAULT_MODELS", SettingType.TEXT, "null");
    public static final Setting PROMPT_SUGGESTIONS = of("ui.prompt_suggestions", "DEFAULT_PROMPT_SUGGESTIONS", SettingType.JSON, """
            [{"title":["Help me study","vocabulary for a college entrance exam"],"content":"Help me study vocabulary: write a sentence for me to fill in the blank, and I'll try to pick the correct option."},
             {"title":["Give me ideas","for what to do with my kids' art"],"content":"What are 5 creative things I could do with my kids' art? I don't want to throw them away, but it's also so much clutter."},
             {"title":["Tell me a fun fact","about the Roman Empire"],"content":"Tell me a random fun fact about the Roman Empire"}]""");
    public static final Setting MODEL_ORDER_LIST = of("ui.model_order_list", "MODEL_ORDER_LIST", SettingType.JSON, "[]");
    public static final Setting DEFAULT_USER_ROLE = of("ui.default_user_role", "DEFAULT_USER_ROLE", SettingType.TEXT, "\"pending\"");
    public static final Setting PENDING_TITLE = of("ui.pending_user_overlay_title", "PENDING_USER_OVERLAY_TITLE", SettingType.TEXT, "\"\"");
    public static final Setting PENDING_CONTENT = of("ui.pending_user_overlay_content", "PENDING_USER_OVERLAY_CONTENT", SettingType.TEXT, "\"\"");
    public static final Setting RESPONSE_WATERMARK = of("ui.watermark", "RESPONSE_WATERMARK", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_COMMUNITY_SHARING = of("ui.enable_community_sharing", "ENABLE_COMMUNITY_SHARING", SettingType.BOOL, "true");
    public static final Setting ENABLE_MESSAGE_RATING = of("ui.enable_message_rating", "ENABLE_MESSAGE_RATING", SettingType.BOOL, "true");
    public static final Setting ENABLE_USER_WEBHOOKS = of("ui.enable_user_webhooks", "ENABLE_USER_WEBHOOKS", SettingType.BOOL, "true");
    public static final Setting BANNERS = of("ui.banners", "WEBUI_BANNERS", SettingType.JSON, "[]");
    public static final Setting ENABLE_API_KEY = of("auth.api_key.enable", "ENABLE_API_KEY", SettingType.BOOL, "true");
    public static final Setting ENABLE_LDAP = of("ldap.enable", "ENABLE_LDAP", SettingType.BOOL, "false");
    public static final Setting ENABLE_CHANNELS = of("channels.enable", "ENABLE_CHANNELS", SettingType.BOOL, "false");
    public static final Setting ENABLE_NOTES = of("notes.enable", "ENABLE_NOTES", SettingType.BOOL, "true");
    public static final Setting ENABLE_DIRECT_CONNECTIONS = of("direct.enable", "ENABLE_DIRECT_CONNECTIONS", SettingType.BOOL, "false");
    public static final Setting ENABLE_BASE_MODELS_CACHE = of("models.base_models_cache", "ENABLE_BASE_MODELS_CACHE", SettingType.BOOL, "false");
    public static final Setting WEBHOOK_URL = of("webhook_url", "WEBHOOK_URL", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_OPENAI_API = of("openai.enable", "ENABLE_OPENAI_API", SettingType.BOOL, "true");
    public static final Setting OPENAI_API_BASE_URLS = of("openai.api_base_urls", "OPENAI_API_BASE_URLS", SettingType.SEMICOLON_LIST, "[\"https://api.openai.com/v1\"]");
    public static final Setting OPENAI_API_KEYS = of("openai.api_keys", "OPENAI_API_KEYS", SettingType.SEMICOLON_LIST, "[\"\"]");
    public static final Setting OPENAI_API_CONFIGS = of("openai.api_configs", "OPENAI_API_CONFIGS", SettingType.JSON, "{}");
    public static final Setting ENABLE_OLLAMA_API = of("ollama.enable", "ENABLE_OLLAMA_API", SettingType.BOOL, "false");
    public static final Setting OLLAMA_BASE_URLS = of("ollama.base_urls", "OLLAMA_BASE_URLS", SettingType.SEMICOLON_LIST, "[]");
    public static final Setting OLLAMA_API_CONFIGS = of("ollama.api_configs", "OLLAMA_API_CONFIGS", SettingType.JSON, "{}");
    public static final Setting ENABLE_CODE_EXECUTION = of("code_execution.enable", "ENABLE_CODE_EXECUTION", SettingType.BOOL, "true");
    public static final Setting CODE_EXECUTION_ENGINE = of("code_execution.engine", "CODE_EXECUTION_ENGINE", SettingType.TEXT, "\"pyodide\"");
    public static final Setting CODE_EXECUTION_JUPYTER_URL = of("code_execution.jupyter.url", "CODE_EXECUTION_JUPYTER_URL", SettingType.TEXT, "\"\"");
    public static final Setting CODE_EXECUTION_JUPYTER_AUTH = of("code_execution.jupyter.auth", "CODE_EXECUTION_JUPYTER_AUTH", SettingType.TEXT, "\"\"");
    public static final Setting CODE_EXECUTION_JUPYTER_AUTH_TOKEN = of("code_execution.jupyter.auth_token", "CODE_EXECUTION_JUPYTER_AUTH_TOKEN", SettingType.TEXT, "\"\"");
    public static final Setting CODE_EXECUTION_JUPYTER_AUTH_PASSWORD = of("code_execution.jupyter.auth_password", "CODE_EXECUTION_JUPYTER_AUTH_PASSWORD", SettingType.TEXT, "\"\"");
    public static final Setting CODE_EXECUTION_JUPYTER_TIMEOUT = of("code_execution.jupyter.timeout", "CODE_EXECUTION_JUPYTER_TIMEOUT", SettingType.INT, "60");
    public static final Setting ENABLE_CODE_INTERPRETER = of("code_interpreter.enable", "ENABLE_CODE_INTERPRETER", SettingType.BOOL, "true");
    public static final Setting CODE_INTERPRETER_ENGINE = of("code_interpreter.engine", "CODE_INTERPRETER_ENGINE", SettingType.TEXT, "\"pyodide\"");
    public static final Setting CODE_INTERPRETER_PROMPT_TEMPLATE = of("code_interpreter.prompt_template", "CODE_INTERPRETER_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final Setting CODE_INTERPRETER_JUPYTER_URL = of("code_interpreter.jupyter.url", "CODE_INTERPRETER_JUPYTER_URL", SettingType.TEXT, "\"\"");
    public static final Setting CODE_INTERPRETER_JUPYTER_AUTH = of("code_interpreter.jupyter.auth", "CODE_INTERPRETER_JUPYTER_AUTH", SettingType.TEXT, "\"\"");
    public static final Setting CODE_INTERPRETER_JUPYTER_AUTH_TOKEN = of("code_interpreter.jupyter.auth_token", "CODE_INTERPRETER_JUPYTER_AUTH_TOKEN", SettingType.TEXT, "\"\"");
    public static final Setting CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD = of("code_interpreter.jupyter.auth_password", "CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD", SettingType.TEXT, "\"\"");
    public static final Setting CODE_INTERPRETER_JUPYTER_TIMEOUT = of("code_interpreter.jupyter.timeout", "CODE_INTERPRETER_JUPYTER_TIMEOUT", SettingType.INT, "60");
    public static final Setting TOOL_SERVER_CONNECTIONS = of("tool_server.connections", "TOOL_SERVER_CONNECTIONS", SettingType.JSON, "[]");
    public static final Setting ENABLE_IMAGE_GENERATION = of("image_generation.enable", "ENABLE_IMAGE_GENERATION", SettingType.BOOL, "false");
    public static final Setting ENABLE_WEB_SEARCH = of("rag.web.search.enable", "ENABLE_WEB_SEARCH", SettingType.BOOL, "false");
    public static final Setting ENABLE_AUTOCOMPLETE = of("task.autocomplete.enable", "ENABLE_AUTOCOMPLETE_GENERATION", SettingType.BOOL, "true");
    public static final Setting TTS_ENGINE = of("audio.tts.engine", "AUDIO_TTS_ENGINE", SettingType.TEXT, "\"\"");
    public static final Setting TTS_VOICE = of("audio.tts.voice", "AUDIO_TTS_VOICE", SettingType.TEXT, "\"alloy\"");
    public static final Setting TTS_SPLIT_ON = of("audio.tts.split_on", "AUDIO_TTS_SPLIT_ON", SettingType.TEXT, "\"punctuation\"");
    public static final Setting STT_ENGINE = of("audio.stt.engine", "AUDIO_STT_ENGINE", SettingType.TEXT, "\"\"");
    public static final Setting IMAGE_COMPRESSION_WIDTH = of("file.image_compression_width", "FILE_IMAGE_COMPRESSION_WIDTH", SettingType.INT, "null");
    public static final Setting IMAGE_COMPRESSION_HEIGHT = of("file.image_compression_height", "FILE_IMAGE_COMPRESSION_HEIGHT", SettingType.INT, "null");
    public static final Setting ENABLE_GOOGLE_DRIVE = of("google_drive.enable", "ENABLE_GOOGLE_DRIVE_INTEGRATION", SettingType.BOOL, "false");
    public static final Setting GOOGLE_DRIVE_CLIENT_ID = of("google_drive.client_id", "GOOGLE_DRIVE_CLIENT_ID", SettingType.TEXT, "\"\"");
    public static final Setting GOOGLE_DRIVE_API_KEY = of("google_drive.api_key", "GOOGLE_DRIVE_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_ONEDRIVE = of("onedrive.enable", "ENABLE_ONEDRIVE_INTEGRATION", SettingType.BOOL, "false");
    public static final Setting ONEDRIVE_SHAREPOINT_URL = of("onedrive.sharepoint_url", "ONEDRIVE_SHAREPOINT_URL", SettingType.TEXT, "\"\"");
    public static final Setting ONEDRIVE_SHAREPOINT_TENANT_ID = of("onedrive.sharepoint_tenant_id", "ONEDRIVE_SHAREPOINT_TENANT_ID", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_ARENA_MODELS = of("evaluation.arena.enable", "ENABLE_EVALUATION_ARENA_MODELS", SettingType.BOOL, "true");
    public static final Setting ARENA_MODELS = of("evaluation.arena.models", "EVALUATION_ARENA_MODELS", SettingType.JSON, "[]");
    public static final Setting USER_PERMISSIONS = of("user.permissions", "USER_PERMISSIONS", SettingType.JSON,
            DefaultPermissions.JSON);
    // Audio (the Audio page): stored and answered; speech engines are not built yet (docs/api.md).
    public static final Setting TTS_OPENAI_URL = of("audio.tts.openai.api_base_url", "AUDIO_TTS_OPENAI_API_BASE_URL", SettingType.TEXT, "\"https://api.openai.com/v1\"");
    public static final Setting TTS_OPENAI_KEY = of("audio.tts.openai.api_key", "AUDIO_TTS_OPENAI_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting TTS_API_KEY = of("audio.tts.api_key", "AUDIO_TTS_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting TTS_MODEL = of("audio.tts.model", "AUDIO_TTS_MODEL", SettingType.TEXT, "\"tts-1\"");
    public static final Setting TTS_AZURE_REGION = of("audio.tts.azure.speech_region", "AUDIO_TTS_AZURE_SPEECH_REGION", SettingType.TEXT, "\"\"");
    public static final Setting TTS_AZURE_BASE_URL = of("audio.tts.azure.speech_base_url", "AUDIO_TTS_AZURE_SPEECH_BASE_URL", SettingType.TEXT, "\"\"");
    public static final Setting TTS_AZURE_OUTPUT_FORMAT = of("audio.tts.azure.speech_output_format", "AUDIO_TTS_AZURE_SPEECH_OUTPUT_FORMAT", SettingType.TEXT, "\"audio-24khz-160kbitrate-mono-mp3\"");
    public static final Setting STT_OPENAI_URL = of("audio.stt.openai.api_base_url", "AUDIO_STT_OPENAI_API_BASE_URL", SettingType.TEXT, "\"https://api.openai.com/v1\"");
    public static final Setting STT_OPENAI_KEY = of("audio.stt.openai.api_key", "AUDIO_STT_OPENAI_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting STT_MODEL = of("audio.stt.model", "AUDIO_STT_MODEL", SettingType.TEXT, "\"\"");
    public static final Setting STT_CONTENT_TYPES = of("audio.stt.supported_content_types", "AUDIO_STT_SUPPORTED_CONTENT_TYPES", SettingType.COMMA_LIST, "[]");
    public static final Setting WHISPER_MODEL = of("audio.stt.whisper_model", "WHISPER_MODEL", SettingType.TEXT, "\"base\"");
    public static final Setting DEEPGRAM_API_KEY = of("audio.stt.deepgram.api_key", "DEEPGRAM_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting STT_AZURE_KEY = of("audio.stt.azure.api_key", "AUDIO_STT_AZURE_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting STT_AZURE_REGION = of("audio.stt.azure.region", "AUDIO_STT_AZURE_REGION", SettingType.TEXT, "\"\"");
    public static final Setting STT_AZURE_LOCALES = of("audio.stt.azure.locales", "AUDIO_STT_AZURE_LOCALES", SettingType.TEXT, "\"\"");
    public static final Setting STT_AZURE_BASE_URL = of("audio.stt.azure.base_url", "AUDIO_STT_AZURE_BASE_URL", SettingType.TEXT, "\"\"");
    public static final Setting STT_AZURE_MAX_SPEAKERS = of("audio.stt.azure.max_speakers", "AUDIO_STT_AZURE_MAX_SPEAKERS", SettingType.TEXT, "\"\"");
    public static final List<Setting> AUDIO = List.of(TTS_OPENAI_URL, TTS_OPENAI_KEY, TTS_API_KEY, TTS_MODEL, TTS_AZURE_REGION,
            TTS_AZURE_BASE_URL, TTS_AZURE_OUTPUT_FORMAT, STT_OPENAI_URL, STT_OPENAI_KEY, STT_MODEL, STT_CONTENT_TYPES,
            WHISPER_MODEL, DEEPGRAM_API_KEY, STT_AZURE_KEY, STT_AZURE_REGION, STT_AZURE_LOCALES, STT_AZURE_BASE_URL,
            STT_AZURE_MAX_SPEAKERS);
    // Image generation (the Images page): stored and answered; the generation engine is not built yet (docs/api.md).
    public static final Setting IMAGE_ENGINE = of("image_generation.engine", "IMAGE_GENERATION_ENGINE", SettingType.TEXT, "\"openai\"");
    public static final Setting IMAGE_PROMPT_GENERATION = of("image_generation.prompt.enable", "ENABLE_IMAGE_PROMPT_GENERATION", SettingType.BOOL, "true");
    public static final Setting IMAGES_OPENAI_URL = of("image_generation.openai.api_base_url", "IMAGES_OPENAI_API_BASE_URL", SettingType.TEXT, "\"https://api.openai.com/v1\"");
    public static final Setting IMAGES_OPENAI_VERSION = of("image_generation.openai.api_version", "IMAGES_OPENAI_API_VERSION", SettingType.TEXT, "\"\"");
    public static final Setting IMAGES_OPENAI_KEY = of("image_generation.openai.api_key", "IMAGES_OPENAI_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting AUTOMATIC1111_URL = of("image_generation.automatic1111.base_url", "AUTOMATIC1111_BASE_URL", SettingType.TEXT, "\"\"");
    public static final Setting AUTOMATIC1111_AUTH = of("image_generation.automatic1111.api_auth", "AUTOMATIC1111_API_AUTH", SettingType.TEXT, "\"\"");
    public static final Setting AUTOMATIC1111_CFG_SCALE = of("image_generation.automatic1111.cfg_scale", "AUTOMATIC1111_CFG_SCALE", SettingType.NUMBER, "null");
    public static final Setting AUTOMATIC1111_SAMPLER = of("image_generation.automatic1111.sampler", "AUTOMATIC1111_SAMPLER", SettingType.OPTIONAL_TEXT, "null");
    public static final Setting AUTOMATIC1111_SCHEDULER = of("image_generation.automatic1111.scheduler", "AUTOMATIC1111_SCHEDULER", SettingType.OPTIONAL_TEXT, "null");
    public static final Setting COMFYUI_URL = of("image_generation.comfyui.base_url", "COMFYUI_BASE_URL", SettingType.TEXT, "\"\"");
    public static final Setting COMFYUI_KEY = of("image_generation.comfyui.api_key", "COMFYUI_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting COMFYUI_WORKFLOW = of("image_generation.comfyui.workflow", "COMFYUI_WORKFLOW", SettingType.TEXT, "\"\"");
    public static final Setting COMFYUI_WORKFLOW_NODES = of("image_generation.comfyui.nodes", "COMFYUI_WORKFLOW_NODES", SettingType.JSON, "[]");
    public static final Setting IMAGES_GEMINI_URL = of("image_generation.gemini.api_base_url", "IMAGES_GEMINI_API_BASE_URL", SettingType.TEXT, "\"\"");
    public static final Setting IMAGES_GEMINI_KEY = of("image_generation.gemini.api_key", "IMAGES_GEMINI_API_KEY", SettingType.TEXT, "\"\"");
    public static final Setting IMAGE_MODEL = of("image_generation.model", "IMAGE_GENERATION_MODEL", SettingType.TEXT, "\"\"");
    public static final Setting IMAGE_SIZE = of("image_generation.size", "IMAGE_SIZE", SettingType.TEXT, "\"512x512\"");
    public static final Setting IMAGE_STEPS = of("image_generation.steps", "IMAGE_STEPS", SettingType.INT, "50");
    public static final List<Setting> IMAGES = List.of(IMAGE_ENGINE, IMAGE_PROMPT_GENERATION, IMAGES_OPENAI_URL,
            IMAGES_OPENAI_VERSION, IMAGES_OPENAI_KEY, AUTOMATIC1111_URL, AUTOMATIC1111_AUTH, AUTOMATIC1111_CFG_SCALE,
            AUTOMATIC1111_SAMPLER, AUTOMATIC1111_SCHEDULER, COMFYUI_URL, COMFYUI_KEY, COMFYUI_WORKFLOW, COMFYUI_WORKFLOW_NODES,
            IMAGES_GEMINI_URL, IMAGES_GEMINI_KEY, IMAGE_MODEL, IMAGE_SIZE, IMAGE_STEPS);
    // Background tasks (title, tags, follow-ups, queries): task model and prompt templates; "" means the built-in prompt.
    public static final Setting TASK_MODEL = of("task.model.default", "TASK_MODEL", SettingType.TEXT, "\"\"");
    public static final Setting TASK_MODEL_EXTERNAL = of("task.model.external", "TASK_MODEL_EXTERNAL", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_TITLE_GENERATION = of("task.title.enable", "ENABLE_TITLE_GENERATION", SettingType.BOOL, "true");
    public static final Setting TITLE_PROMPT = of("task.title.prompt_template", "TITLE_GENERATION_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final Setting IMAGE_PROMPT = of("task.image.prompt_template", "IMAGE_PROMPT_GENERATION_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final Setting AUTOCOMPLETE_INPUT_MAX_LENGTH = of("task.autocomplete.input_max_length", "AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH", SettingType.INT, "-1");
    public static final Setting ENABLE_TAGS_GENERATION = of("task.tags.enable", "ENABLE_TAGS_GENERATION", SettingType.BOOL, "true");
    public static final Setting TAGS_PROMPT = of("task.tags.prompt_template", "TAGS_GENERATION_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_FOLLOW_UP_GENERATION = of("task.follow_up.enable", "ENABLE_FOLLOW_UP_GENERATION", SettingType.BOOL, "true");
    public static final Setting FOLLOW_UP_PROMPT = of("task.follow_up.prompt_template", "FOLLOW_UP_GENERATION_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final Setting ENABLE_SEARCH_QUERY_GENERATION = of("task.query.search.enable", "ENABLE_SEARCH_QUERY_GENERATION", SettingType.BOOL, "true");
    public static final Setting ENABLE_RETRIEVAL_QUERY_GENERATION = of("task.query.retrieval.enable", "ENABLE_RETRIEVAL_QUERY_GENERATION", SettingType.BOOL, "true");
    public static final Setting QUERY_PROMPT = of("task.query.prompt_template", "QUERY_GENERATION_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final Setting TOOLS_PROMPT = of("task.tools.prompt_template", "TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE", SettingType.TEXT, "\"\"");
    public static final List<Setting> TASKS = List.of(TASK_MODEL, TASK_MODEL_EXTERNAL, ENABLE_TITLE_GENERATION, TITLE_PROMPT,
            IMAGE_PROMPT, AUTOCOMPLETE_INPUT_MAX_LENGTH, ENABLE_TAGS_GENERATION, TAGS_PROMPT, ENABLE_FOLLOW_UP_GENERATION,
            FOLLOW_UP_PROMPT, ENABLE_SEARCH_QUERY_GENERATION, ENABLE_RETRIEVAL_QUERY_GENERATION, QUERY_PROMPT, TOOLS_PROMPT);

    public static final List<Setting> ALL = withGroups(List.of(ENABLE_SIGNUP, ENABLE_LOGIN_FORM, DEFAULT_LOCALE, DEFAULT_MODELS,
            PROMPT_SUGGESTIONS, MODEL_ORDER_LIST, DEFAULT_USER_ROLE, PENDING_TITLE, PENDING_CONTENT, RESPONSE_WATERMARK,
            ENABLE_COMMUNITY_SHARING, ENABLE_MESSAGE_RATING, ENABLE_USER_WEBHOOKS, BANNERS, ENABLE_API_KEY, ENABLE_LDAP,
            ENABLE_CHANNELS, ENABLE_NOTES, ENABLE_DIRECT_CONNECTIONS, ENABLE_BASE_MODELS_CACHE, WEBHOOK_URL,
            ENABLE_OPENAI_API, OPENAI_API_BASE_URLS, OPENAI_API_KEYS, OPENAI_API_CONFIGS, ENABLE_OLLAMA_API,
            OLLAMA_BASE_URLS, OLLAMA_API_CONFIGS, ENABLE_CODE_EXECUTION, CODE_EXECUTION_ENGINE, ENABLE_CODE_INTERPRETER,
            ENABLE_IMAGE_GENERATION, ENABLE_WEB_SEARCH, ENABLE_AUTOCOMPLETE, TTS_ENGINE, TTS_VOICE, TTS_SPLIT_ON,
            STT_ENGINE, IMAGE_COMPRESSION_WIDTH, IMAGE_COMPRESSION_HEIGHT,
            ENABLE_GOOGLE_DRIVE, GOOGLE_DRIVE_CLIENT_ID, GOOGLE_DRIVE_API_KEY, ENABLE_ONEDRIVE, ONEDRIVE_SHAREPOINT_URL,
            ONEDRIVE_SHAREPOINT_TENANT_ID, ENABLE_ARENA_MODELS, ARENA_MODELS, USER_PERMISSIONS,
            CODE_EXECUTION_JUPYTER_URL, CODE_EXECUTION_JUPYTER_AUTH, CODE_EXECUTION_JUPYTER_AUTH_TOKEN,
            CODE_EXECUTION_JUPYTER_AUTH_PASSWORD, CODE_EXECUTION_JUPYTER_TIMEOUT, CODE_INTERPRETER_ENGINE,
            CODE_INTERPRETER_PROMPT_TEMPLATE, CODE_INTERPRETER_JUPYTER_URL, CODE_INTERPRETER_JUPYTER_AUTH,
            CODE_INTERPRETER_JUPYTER_AUTH_TOKEN, CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD, CODE_INTERPRETER_JUPYTER_TIMEOUT,
            TOOL_SERVER_CONNECTIONS));

    private Settings() {
    }

    private static List<Setting> withGroups(List<Setting> settings) {
        return java.util.stream.Stream.of(settings, TASKS, AUDIO, IMAGES).flatMap(List::stream).toList();
    }

    private static Setting of(String path, String env, SettingType type, String defaultJson) {
        try {
            JsonNode value = PLAIN.readTree(defaultJson);
            return new Setting(path, env, type, value);
        } catch (Exception e) {
            throw new ExceptionInInitializerError("Bad default for " + path);
        }
    }
}
