package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.ollama.completion.OllamaParams;

/**
 * A preset's params on the /ollama chat routes, as 0.6.32 applies them there: Open WebUI-only
 * params dropped, {@code custom_params} laid over the rest; for native /api/chat,
 * {@code max_tokens} becomes {@code num_predict}, {@code format}, {@code keep_alive} and
 * {@code think} go to the top level and everything else into {@code options}; for the /v1 routes
 * every param is a top-level field. The system prompt goes in front of the first message. Ollama's
 * options are type-checked ({@link OllamaParams}).
 */
final class OllamaPresetParams {
    private OllamaPresetParams() {
    }

    static void applyNative(ObjectNode body, JsonNode presetParams) {
        OllamaParams.apply(body, presetParams);
    }

    static void applyOpenAi(ObjectNode body, JsonNode presetParams) {
        body.setAll(OllamaParams.cleaned(presetParams));
    }

    /** Open WebUI's add_or_update_system_message: prepended to a leading system message, else a new one in front. */
    static void addSystem(ObjectNode body, JsonNode presetParams) {
        String system = presetParams == null ? null : presetParams.path("system").textValue();
        if (system == null || system.isBlank() || !(body.get("messages") instanceof ArrayNode messages)) {
            return;
        }
        if (!messages.isEmpty() && messages.get(0) instanceof ObjectNode first && "system".equals(first.path("role").asText())) {
            first.put("content", system + "\n" + first.path("content").asText(""));
        } else {
            messages.insert(0, messages.objectNode().put("role", "system").put("content", system));
        }
    }
}
