package dev.webui.api.ollama;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A short upstream timeout (the silent server) and Open WebUI's single-URL variable, to be overridden by the saved list. */
public class OllamaTestProfile implements QuarkusTestProfile {
    static final String ENV_URL = "http://127.0.0.1:9/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("AIOHTTP_CLIENT_TIMEOUT", "2", "CHAT_STREAM_SAVE_INTERVAL_MS", "100", "OLLAMA_BASE_URL", ENV_URL);
    }
}
