package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.ollama.completion.OllamaParams;

import java.util.List;
import java.util.Map;

/**
 * The body sent upstream: the caller's OpenAI fields, then the caller's {@code params}, then the
 * preset's params (the preset wins, as in Open WebUI), the preset's system prompt in front, Open
 * WebUI-only fields removed and the model id replaced by the one the provider knows. For an
 * Ollama model every param counts, in {@code options} or at the top level ({@link OllamaParams}).
 */
public final class UpstreamPayload {
    /** Fields only Open WebUI understands; providers may reject them. */
    static final List<String> OPEN_WEBUI_FIELDS = List.of("files", "features", "variables", "model_item", "background_tasks",
            "tool_servers", "filter_ids", "tool_ids", "session_id", "chat_id", "id", "metadata", "params");
    /** Params that map onto OpenAI body fields of the same name. */
    static final List<String> OPENAI_PARAMS = List.of("temperature", "top_p", "min_p", "max_tokens", "frequency_penalty",
            "presence_penalty", "reasoning_effort", "seed", "stop", "logit_bias", "response_format");

    private UpstreamPayload() {
    }

    /**
     * @param addUsage whether to ask a streaming upstream for its usage chunk (needed to record usage)
     */
    public static ObjectNode build(CompletionRequest request, ResolvedModel model, boolean addUsage) {
        ObjectNode source = request.body();
        ObjectNode body = source.deepCopy();
        OPEN_WEBUI_FIELDS.forEach(body::remove);
        body.put("model", model.upstreamId());
        body.put("stream", request.stream());
        if (model.connection().ollama()) { // Ollama's own options too (docs/ollama.md, "Completions")
            OllamaParams.apply(body, source.get("params"));
            OllamaParams.apply(body, model.presetParams());
        } else {
            applyParams(body, source.get("params"));
            applyParams(body, model.presetParams());
        }
        JsonNode system = model.presetParams().get("system");
        if (system != null && system.isTextual() && !system.textValue().isBlank()) {
            addSystem(body, substitute(system.textValue(), source.get("variables")));
        }
        if (request.stream() && addUsage && !body.has("stream_options")) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private static void applyParams(ObjectNode body, JsonNode params) {
        if (!(params instanceof ObjectNode object)) {
            return;
        }
        for (String name : OPENAI_PARAMS) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                body.set(name, value.deepCopy());
            }
        }
    }

    /** Open WebUI's add_or_update_system_message: a leading system message gets the prompt prepended. */
    private static void addSystem(ObjectNode body, String prompt) {
        addToSystem(body, prompt, false);
    }

    /** The same with append: after a leading system message's text (memories, retrieved context). */
    static void appendSystem(ObjectNode body, String text) {
        addToSystem(body, text, true);
    }

    private static void addToSystem(ObjectNode body, String text, boolean append) {
        ArrayNode messages = body.withArray("messages");
        JsonNode first = messages.isEmpty() ? null : messages.get(0);
        if (first instanceof ObjectNode message && "system".equals(message.path("role").asText())
                && message.path("content").isTextual()) {
            String existing = message.get("content").textValue();
            message.put("content", append ? existing + "\n" + text : text + "\n" + existing);
            return;
        }
        ObjectNode message = body.objectNode();
        message.put("role", "system");
        message.put("content", text);
        messages.insert(0, message);
    }

    static String substitute(String text, JsonNode variables) {
        if (!(variables instanceof ObjectNode object)) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, JsonNode> variable : object.properties()) {
            if (variable.getValue().isValueNode()) {
                result = result.replace(variable.getKey(), variable.getValue().asText());
            }
        }
        return result;
    }
}
