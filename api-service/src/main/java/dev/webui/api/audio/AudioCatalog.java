package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Settings;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The speech models and voices the Audio page and the chat settings offer, asked from the engine
 * as Open WebUI does: an OpenAI-compatible server's /audio/models and /audio/voices (OpenAI's fixed
 * lists for api.openai.com or when the server has none), ElevenLabs' /v1/models and /v1/voices,
 * Azure's voices list. An engine that cannot be asked gives the fallback, never an error.
 */
@ApplicationScoped
public class AudioCatalog {
    private static final Logger LOG = Logger.getLogger(AudioCatalog.class);
    private static final List<String> OPENAI_MODELS = List.of("tts-1", "tts-1-hd");
    private static final List<String> OPENAI_VOICES = List.of("alloy", "echo", "fable", "onyx", "nova", "shimmer");

    private final SettingsStore store;
    private final EngineHttp http;
    private final AudioLimits limits;

    public AudioCatalog(SettingsStore store, EngineHttp http, AudioLimits limits) {
        this.store = store;
        this.http = http;
        this.limits = limits;
    }

    public Future<ObjectNode> models() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("models");
        return switch (store.text(Settings.TTS_ENGINE)) {
            case "openai" -> {
                if (officialOpenAi()) {
                    OPENAI_MODELS.forEach(id -> list.addObject().put("id", id));
                    yield Future.succeededFuture(out);
                }
                yield asked(openAiCall("/audio/models"), json -> json.path("models").forEach(model -> {
                    if (model.path("id").isTextual()) {
                        list.add(model);
                    }
                }), () -> OPENAI_MODELS.forEach(id -> list.addObject().put("id", id))).map(out);
            }
            case "elevenlabs" -> asked(elevenLabsCall("/v1/models"), json -> json.forEach(model -> list.addObject()
                    .put("name", model.path("name").asText()).put("id", model.path("model_id").asText())), () -> {
            }).map(out);
            default -> Future.succeededFuture(out);
        };
    }

    public Future<ObjectNode> voices() {
        return voiceNames().map(voices -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode list = out.putArray("voices");
            voices.forEach((id, name) -> list.addObject().put("id", id).put("name", name));
            return out;
        });
    }

    /** Voice id to display name, for the configured engine. */
    public Future<Map<String, String>> voiceNames() {
        Map<String, String> voices = new LinkedHashMap<>();
        Runnable openAiFallback = () -> OPENAI_VOICES.forEach(id -> voices.put(id, id));
        return switch (store.text(Settings.TTS_ENGINE)) {
            case "openai" -> {
                if (officialOpenAi()) {
                    openAiFallback.run();
                    yield Future.succeededFuture(voices);
                }
                yield asked(openAiCall("/audio/voices"), json -> json.path("voices").forEach(voice -> {
                    if (voice.path("id").isTextual()) {
                        voices.put(voice.get("id").textValue(), voice.path("name").asText(voice.get("id").textValue()));
                    }
                }), openAiFallback).map(voices);
            }
            case "elevenlabs" -> asked(elevenLabsCall("/v1/voices"), json -> json.path("voices").forEach(voice ->
                    voices.put(voice.path("voice_id").asText(), voice.path("name").asText())), () -> {
            }).map(voices);
            case "azure" -> asked(azureVoicesCall(), json -> json.forEach(voice -> voices.put(voice.path("ShortName").asText(),
                    voice.path("DisplayName").asText() + " (" + voice.path("ShortName").asText() + ")")), () -> {
            }).map(voices);
            default -> Future.succeededFuture(voices);
        };
    }

    /** ElevenLabs' and Azure's base URLs, for the speech call too. */
    String elevenLabsUrl() {
        return EngineRequest.stripSlash(limits.elevenLabsUrl());
    }

    String azureTtsUrl() {
        return AzureUrls.speech(store.text(Settings.TTS_AZURE_REGION), store.text(Settings.TTS_AZURE_BASE_URL));
    }

    private boolean officialOpenAi() {
        return store.text(Settings.TTS_OPENAI_URL).startsWith("https://api.openai.com");
    }

    private EngineRequest openAiCall(String path) {
        EngineRequest call = EngineRequest.get("text to speech server", EngineRequest.stripSlash(store.text(Settings.TTS_OPENAI_URL)) + path);
        String key = store.text(Settings.TTS_OPENAI_KEY);
        return key.isBlank() ? call : call.header("Authorization", "Bearer " + key);
    }

    private EngineRequest elevenLabsCall(String path) {
        return EngineRequest.get("ElevenLabs text to speech", elevenLabsUrl() + path)
                .header("xi-api-key", store.text(Settings.TTS_API_KEY)).header("Accept", "application/json");
    }

    private EngineRequest azureVoicesCall() {
        return EngineRequest.get("Azure text to speech", azureTtsUrl() + "/cognitiveservices/voices/list")
                .header("Ocp-Apim-Subscription-Key", store.text(Settings.TTS_API_KEY));
    }

    /** Reads the engine's list into the result, or runs the fallback (logged) when the engine cannot be asked. */
    private Future<Void> asked(EngineRequest call, java.util.function.Consumer<JsonNode> read, Runnable fallback) {
        return http.json(call).map(json -> {
            read.accept(json);
            return (Void) null;
        }).recover(e -> {
            LOG.warnf("Could not list from %s: %s", call.url(), e.getMessage());
            fallback.run();
            return Future.succeededFuture();
        });
    }
}
