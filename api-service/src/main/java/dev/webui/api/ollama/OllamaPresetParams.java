package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A preset's params on the /ollama chat routes, as 0.6.32 applies them there: Open WebUI-only
 * params dropped, {@code custom_params} laid over the rest; for native /api/chat,
 * {@code max_tokens} becomes {@code num_predict}, {@code format}, {@code keep_alive} and
 * {@code think} go to the top level and everything else into {@code options}; for the /v1 routes
 * every param is a top-level field. The system prompt goes in front of the first message.
 */
final class OllamaPresetParams {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPEN_WEBUI_ONLY = List.of("stream_response", "stream_delta_chunk_size", "function_calling",
            "reasoning_tags", "system");
    private static final List<String> ROOT = List.of("format", "keep_alive", "think");

    private OllamaPresetParams() {
    }

    static void applyNative(ObjectNode body, JsonNode presetParams) {
        ObjectNode params = cleaned(presetParams);
        if (params.has("max_tokens")) {
            params.set("num_predict", params.remove("max_tokens"));
        }
        for (String name : ROOT) {
            JsonNode value = params.remove(name);
            if (value != null) {
                body.set(name, name.equals("think") ? value : parsed(value));
            }
        }
        if (params.isEmpty()) {
            return;
        }
        ObjectNode options = body.get("options") instanceof ObjectNode existing ? existing : body.putObject("options");
        options.setAll(params);
    }

    static void applyOpenAi(ObjectNode body, JsonNode presetParams) {
        body.setAll(cleaned(presetParams));
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

    private static ObjectNode cleaned(JsonNode presetParams) {
        ObjectNode params = presetParams instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        OPEN_WEBUI_ONLY.forEach(params::remove);
        JsonNode custom = params.remove("custom_params");
        if (custom instanceof ObjectNode extra) {
            extra.fields().forEachRemaining(field -> params.set(field.getKey(), parsed(field.getValue())));
        }
        List<String> unset = new java.util.ArrayList<>();
        params.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                unset.add(field.getKey());
            }
        });
        params.remove(unset);
        return params;
    }

    private static JsonNode parsed(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            JsonNode tree = JSON.readTree(value.textValue());
            return tree == null || tree.isMissingNode() ? value : tree;
        } catch (Exception e) {
            return value;
        }
    }
}
