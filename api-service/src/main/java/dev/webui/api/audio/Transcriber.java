package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import dev.webui.core.audio.SpeechTypes;
import dev.webui.core.settings.Settings;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Speech to text (POST /audio/transcriptions): checks the recording against the accepted types
 * and the size limit, then asks the configured engine. Open WebUI's answer: the engine's JSON for
 * OpenAI-compatible servers, {@code {"text"}} for the others, plus the stored file's name.
 */
@ApplicationScoped
public class Transcriber {
    private static final List<String> AZURE_LOCALES = List.of("en-US", "es-ES", "es-MX", "fr-FR", "hi-IN", "it-IT",
            "de-DE", "en-GB", "en-IN", "ja-JP", "ko-KR", "pt-BR", "zh-CN");

    private final SettingsStore store;
    private final EngineHttp http;
    private final AudioLimits limits;
    private final ObjectMapper mapper;

    public Transcriber(SettingsStore store, EngineHttp http, AudioLimits limits, ObjectMapper mapper) {
        this.store = store;
        this.http = http;
        this.limits = limits;
        this.mapper = mapper;
    }

    public Future<ObjectNode> transcribe(Recording recording, String requestedLanguage) {
        check(recording);
        String language = limits.whisperLanguage().filter(l -> !l.isBlank()).map(String::toLowerCase)
                .orElse(requestedLanguage == null || requestedLanguage.isBlank() ? null : requestedLanguage.strip());
        String stored = UUID.randomUUID() + extension(recording.name());
        String engine = store.text(Settings.STT_ENGINE);
        Future<ObjectNode> result = switch (engine) {
            case "openai" -> withFallback(language, lang -> openAi(recording, lang));
            case "deepgram" -> withFallback(language, lang -> deepgram(recording, lang));
            case "azure" -> azure(recording);
            case "" -> throw ApiException.badRequest("Speech to text is set to Open WebUI's built-in Whisper engine, "
                    + "which this server does not have. In Admin > Audio choose \"OpenAI\" and point it to an "
                    + "OpenAI-compatible Whisper server (for example faster-whisper-server or the whisper.cpp server).");
            case "web" -> throw ApiException.badRequest("Speech to text is set to the browser's own recognition (\"web\"): "
                    + "the browser transcribes, the server has no engine to send recordings to");
            default -> throw ApiException.badRequest("Unknown speech to text engine: " + engine);
        };
        return result.map(answer -> answer.put("filename", stored));
    }

    /** Open WebUI's checks: the type against AUDIO_STT_SUPPORTED_CONTENT_TYPES (audio/* and video/webm when empty). */
    void check(Recording recording) {
        JsonNode configured = store.get(Settings.STT_CONTENT_TYPES);
        if (!SpeechTypes.accepts(configured, recording.contentType())) {
            throw ApiException.badRequest("Files of type " + recording.contentType() + " cannot be transcribed (accepted: "
                    + String.join(", ", SpeechTypes.accepted(configured)) + ")");
        }
        if (recording.size() == 0) {
            throw ApiException.badRequest("The audio file is empty");
        }
        long max = limits.maxUploadSize().asLongValue();
        if (recording.size() > max) {
            throw new ApiException(413, "The audio file is too large: " + recording.size() + " bytes, at most " + max
                    + " bytes can be transcribed");
        }
    }

    /** Asks once more without the language when the engine refused the request that named one (as Open WebUI does). */
    private Future<ObjectNode> withFallback(String language, java.util.function.Function<String, Future<ObjectNode>> attempt) {
        Future<ObjectNode> first = attempt.apply(language);
        if (language == null) {
            return first;
        }
        return first.recover(e -> e instanceof EngineRefused refused && refused.engineStatus() < 500
                ? attempt.apply(null) : Future.failedFuture(e));
    }

    private Future<ObjectNode> openAi(Recording recording, String language) {
        MultipartBody form = new MultipartBody("file", recording).field("model", store.text(Settings.STT_MODEL));
        if (language != null) {
            form.field("language", language);
        }
        EngineRequest call = EngineRequest.post("speech to text server",
                EngineRequest.stripSlash(store.text(Settings.STT_OPENAI_URL)) + "/audio/transcriptions", form);
        String key = store.text(Settings.STT_OPENAI_KEY);
        if (!key.isBlank()) {
            call.header("Authorization", "Bearer " + key);
        }
        return http.json(call).map(json -> {
            if (!json.isObject() || !json.path("text").isTextual()) {
                throw new ApiException(502, "The speech to text server answered without a \"text\"");
            }
            return (ObjectNode) json;
        });
    }

    private Future<ObjectNode> deepgram(Recording recording, String language) {
        StringBuilder url = new StringBuilder(EngineRequest.stripSlash(limits.deepgramUrl())).append("/v1/listen?smart_format=true");
        String model = store.text(Settings.STT_MODEL);
        if (!model.isBlank()) {
            url.append("&model=").append(encode(model));
        }
        if (language != null) {
            url.append("&language=").append(encode(language));
        }
        EngineRequest call = EngineRequest.post("Deepgram speech to text", url.toString(), EngineBody.file(recording.path(), recording.size()))
                .header("Authorization", "Token " + store.text(Settings.DEEPGRAM_API_KEY))
                .header("Content-Type", recording.baseType());
        return http.json(call).map(json -> {
            JsonNode alternative = json.path("results").path("channels").path(0).path("alternatives").path(0);
            if (alternative.isMissingNode()) {
                throw new ApiException(502, "Deepgram answered in an unexpected format (no results.channels[0].alternatives[0])");
            }
            return text(alternative.path("transcript").asText(""));
        });
    }

    private Future<ObjectNode> azure(Recording recording) {
        String key = store.text(Settings.STT_AZURE_KEY);
        if (key.isBlank()) {
            throw ApiException.badRequest("Azure speech to text needs an API key (Admin > Audio)");
        }
        String url = AzureUrls.transcription(store.text(Settings.STT_AZURE_REGION), store.text(Settings.STT_AZURE_BASE_URL))
                + "/speechtotext/transcriptions:transcribe?api-version=2024-11-15";
        String configured = store.text(Settings.STT_AZURE_LOCALES);
        List<String> locales = configured.strip().length() < 2 ? AZURE_LOCALES
                : List.of(configured.split(",")).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        ObjectNode definition = mapper.createObjectNode();
        definition.putPOJO("locales", locales);
        definition.putObject("diarization").put("maxSpeakers", maxSpeakers()).put("enabled", true);
        MultipartBody form = new MultipartBody("audio", recording).field("definition", definition.toString());
        EngineRequest call = EngineRequest.post("Azure speech to text", url, form).header("Ocp-Apim-Subscription-Key", key);
        return http.json(call).map(json -> {
            JsonNode phrases = json.path("combinedPhrases");
            if (!phrases.isArray() || phrases.isEmpty()) {
                throw new ApiException(502, "Azure answered without a transcript (no combinedPhrases)");
            }
            return text(phrases.path(0).path("text").asText(""));
        });
    }

    private int maxSpeakers() {
        try {
            return Integer.parseInt(store.text(Settings.STT_AZURE_MAX_SPEAKERS).strip());
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    private ObjectNode text(String transcript) {
        return mapper.createObjectNode().put("text", transcript.strip());
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return ext.matches("[A-Za-z0-9]{1,8}") ? "." + ext.toLowerCase() : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
