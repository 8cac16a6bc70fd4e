package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.Settings;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Text to speech (POST /audio/speech): reads the request as Open WebUI does ({@code input},
 * {@code voice}; the model is the configured one), names the cache entry, and builds the call
 * for the configured engine: an OpenAI-compatible /audio/speech, ElevenLabs or Azure (SSML).
 */
@ApplicationScoped
public class SpeechService {
    /** The OpenAI speech fields passed on besides input, voice and model. */
    private static final List<String> OPENAI_OPTIONS = List.of("response_format", "speed", "instructions");

    private final SettingsStore store;
    private final AudioCatalog catalog;
    private final ObjectMapper mapper;

    public SpeechService(SettingsStore store, AudioCatalog catalog, ObjectMapper mapper) {
        this.store = store;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    public SpeechJob job(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Invalid JSON payload: send {\"input\": ..., \"voice\": ...}");
        }
        JsonNode input = body.path("input");
        if (!input.isTextual() || input.textValue().isBlank()) {
            throw ApiException.badRequest("Nothing to speak: \"input\" must be a non-empty text");
        }
        String engine = store.text(Settings.TTS_ENGINE);
        String requestedVoice = body.path("voice").isTextual() && !body.path("voice").textValue().isBlank()
                ? body.get("voice").textValue() : store.text(Settings.TTS_VOICE);
        ObjectNode openAi = mapper.createObjectNode();
        String model;
        String voice;
        switch (engine) {
            case "openai" -> {
                model = store.text(Settings.TTS_MODEL);
                voice = requestedVoice;
                openAi.put("input", input.textValue()).put("voice", voice).put("model", model);
                OPENAI_OPTIONS.forEach(option -> {
                    if (body.hasNonNull(option)) {
                        openAi.set(option, body.get(option));
                    }
                });
            }
            case "elevenlabs" -> {
                model = store.text(Settings.TTS_MODEL);
                voice = requestedVoice;
            }
            case "azure" -> { // Open WebUI speaks with the configured voice; the output format decides the bytes
                model = store.text(Settings.TTS_AZURE_OUTPUT_FORMAT);
                voice = store.text(Settings.TTS_VOICE);
            }
            case "" -> throw ApiException.badRequest("No text to speech engine is configured: the browser's own voice "
                    + "is in use (Admin > Audio chooses a server engine)");
            case "transformers" -> throw ApiException.badRequest("The local Transformers speech engine is not available "
                    + "on this server: choose OpenAI, ElevenLabs or Azure in Admin > Audio");
            default -> throw ApiException.badRequest("Unknown text to speech engine: " + engine);
        }
        return new SpeechJob(engine, model, voice, input.textValue(), openAi, key(engine, model, voice, input.textValue(), openAi));
    }

    /** The engine call; for ElevenLabs the voice must be one of the account's (checked only on a cache miss). */
    public Future<EngineRequest> call(SpeechJob job) {
        return switch (job.engine()) {
            case "openai" -> Future.succeededFuture(openAi(job));
            case "elevenlabs" -> catalog.voiceNames().compose(voices -> voices.containsKey(job.voice())
                    ? Future.succeededFuture(elevenLabs(job))
                    : Future.failedFuture(ApiException.badRequest("Invalid voice id: " + job.voice())));
            default -> Future.succeededFuture(azure(job));
        };
    }

    private EngineRequest openAi(SpeechJob job) {
        EngineRequest call = EngineRequest.post("text to speech server",
                EngineRequest.stripSlash(store.text(Settings.TTS_OPENAI_URL)) + "/audio/speech", "application/json",
                Buffer.buffer(job.openAiBody().toString()));
        String key = store.text(Settings.TTS_OPENAI_KEY);
        return key.isBlank() ? call : call.header("Authorization", "Bearer " + key);
    }

    private EngineRequest elevenLabs(SpeechJob job) {
        ObjectNode body = mapper.createObjectNode().put("text", job.text()).put("model_id", job.model());
        body.putObject("voice_settings").put("stability", 0.5).put("similarity_boost", 0.5);
        return EngineRequest.post("ElevenLabs text to speech", catalog.elevenLabsUrl() + "/v1/text-to-speech/"
                        + java.net.URLEncoder.encode(job.voice(), StandardCharsets.UTF_8).replace("+", "%20"),
                        "application/json", Buffer.buffer(body.toString()))
                .header("Accept", "audio/mpeg").header("xi-api-key", store.text(Settings.TTS_API_KEY));
    }

    private EngineRequest azure(SpeechJob job) {
        String[] parts = job.voice().split("-");
        String locale = parts.length >= 2 ? parts[0] + "-" + parts[1] : job.voice();
        String ssml = "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"" + xml(locale)
                + "\"><voice name=\"" + xml(job.voice()) + "\">" + xml(job.text()) + "</voice></speak>";
        return EngineRequest.post("Azure text to speech", catalog.azureTtsUrl() + "/cognitiveservices/v1",
                        "application/ssml+xml", Buffer.buffer(ssml))
                .header("Ocp-Apim-Subscription-Key", store.text(Settings.TTS_API_KEY))
                .header("X-Microsoft-OutputFormat", job.model());
    }

    private String key(String engine, String model, String voice, String text, ObjectNode openAi) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{engine, model, voice, text, openAi.toString()}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
