package dev.webui.api.completion;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Short upstream timeout (the "hang" fault) and a fast save interval. */
public class CompletionTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("AIOHTTP_CLIENT_TIMEOUT", "2", "CHAT_STREAM_SAVE_INTERVAL_MS", "100");
    }
}
