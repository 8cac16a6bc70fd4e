package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsForm;
import dev.webui.api.settings.SettingsStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Audio page's settings ({@code tts} and {@code stt} blocks under Open WebUI's names), stored
 * at Open WebUI's paths and read by {@link Transcriber}, {@link SpeechService} and {@link AudioCatalog}.
 */
@ApplicationScoped
public class AudioConfig {
    static final SettingsForm TTS = SettingsForm.named(
            "OPENAI_API_BASE_URL", Settings.TTS_OPENAI_URL, "OPENAI_API_KEY", Settings.TTS_OPENAI_KEY,
            "API_KEY", Settings.TTS_API_KEY, "ENGINE", Settings.TTS_ENGINE, "MODEL", Settings.TTS_MODEL,
            "VOICE", Settings.TTS_VOICE, "SPLIT_ON", Settings.TTS_SPLIT_ON,
            "AZURE_SPEECH_REGION", Settings.TTS_AZURE_REGION, "AZURE_SPEECH_BASE_URL", Settings.TTS_AZURE_BASE_URL,
            "AZURE_SPEECH_OUTPUT_FORMAT", Settings.TTS_AZURE_OUTPUT_FORMAT);
    static final SettingsForm STT = SettingsForm.named(
            "OPENAI_API_BASE_URL", Settings.STT_OPENAI_URL, "OPENAI_API_KEY", Settings.STT_OPENAI_KEY,
            "ENGINE", Settings.STT_ENGINE, "MODEL", Settings.STT_MODEL, "SUPPORTED_CONTENT_TYPES", Settings.STT_CONTENT_TYPES,
            "WHISPER_MODEL", Settings.WHISPER_MODEL, "DEEPGRAM_API_KEY", Settings.DEEPGRAM_API_KEY,
            "AZURE_API_KEY", Settings.STT_AZURE_KEY, "AZURE_REGION", Settings.STT_AZURE_REGION,
            "AZURE_LOCALES", Settings.STT_AZURE_LOCALES, "AZURE_BASE_URL", Settings.STT_AZURE_BASE_URL,
            "AZURE_MAX_SPEAKERS", Settings.STT_AZURE_MAX_SPEAKERS);

    private final SettingsStore store;

    public AudioConfig(SettingsStore store) {
        this.store = store;
    }

    public ObjectNode view() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("tts", TTS.view(store));
        node.set("stt", STT.view(store));
        return node;
    }

    /** Saves both blocks (keys left out keep their values); a wrong type anywhere refuses the whole save. */
    public Uni<ObjectNode> update(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        values.putAll(TTS.readIn(body, "tts"));
        values.putAll(STT.readIn(body, "stt"));
        return store.save(values).replaceWith(this::view);
    }
}
