package dev.webui.api.support;

import dev.webui.common.testing.TestUsers.TestUser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;

/** The set-up the completion tests share: one OpenAI connection to {@link FakeLlm}, and a public preset on it. */
public final class CompletionFixture {
    public static final String MODEL = "gpt-fake";
    public static final String PRESET = "helper";

    private CompletionFixture() {
    }

    /** Points the one OpenAI connection at {@code baseUrl}, serving {@link #MODEL}. */
    public static void connect(TestUser admin, String baseUrl) {
        as(admin).body(Map.of("ENABLE_OPENAI_API", true, "OPENAI_API_BASE_URLS", List.of(baseUrl),
                "OPENAI_API_KEYS", List.of(FakeLlm.KEY), "OPENAI_API_CONFIGS",
                Map.of("0", Map.of("enable", true, "model_ids", List.of(MODEL))))).post("/openai/config/update")
                .then().statusCode(200);
    }

    /** Creates the public preset {@link #PRESET} on {@link #MODEL}: plain users only see models with a readable preset. */
    public static void helperPreset(TestUser admin, Map<String, Object> params) {
        Map<String, Object> preset = new HashMap<>();
        preset.put("id", PRESET);
        preset.put("base_model_id", MODEL);
        preset.put("name", "Helper");
        preset.put("meta", Map.of());
        preset.put("params", params);
        preset.put("access_control", null);
        as(admin).body(preset).post("/api/v1/models/create").then().statusCode(200);
    }
}
