package dev.webui.api.audio;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts {@link FakeSpeechEngines} before Quarkus and points the fixed engine URLs at it; small
 * limits so that the size checks and the cache's eviction can be reached with small files.
 */
public class FakeSpeechEnginesResource implements QuarkusTestResourceLifecycleManager {
    static FakeSpeechEngines engines;

    @Override
    public Map<String, String> start() {
        try {
            engines = new FakeSpeechEngines();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("ELEVENLABS_API_BASE_URL", engines.url(), "DEEPGRAM_API_BASE_URL", engines.url(),
                "AIOHTTP_CLIENT_TIMEOUT", "5", "AUDIO_STT_MAX_FILE_SIZE", "64K",
                "AUDIO_SPEECH_CACHE_MAX_SIZE", "100K", "AUDIO_SPEECH_CACHE_ENTRY_MAX_SIZE", "64K");
    }

    @Override
    public void stop() {
        if (engines != null) {
            engines.close();
        }
    }
}
