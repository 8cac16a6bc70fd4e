package dev.webui.api.completion;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Short upstream timeout (the "hang" fault), a fast save interval, a low tool round limit and call timeout;
 * users' webhooks may reach the test's receiver on loopback.
 */
public class CompletionTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("AIOHTTP_CLIENT_TIMEOUT", "2", "CHAT_STREAM_SAVE_INTERVAL_MS", "100",
                "CHAT_RESPONSE_MAX_TOOL_CALL_RETRIES", "3", "TOOL_CALL_TIMEOUT_SECONDS", "10",
                "WEBHOOK_ALLOW_LOCAL_ADDRESSES", "true");
    }
}
