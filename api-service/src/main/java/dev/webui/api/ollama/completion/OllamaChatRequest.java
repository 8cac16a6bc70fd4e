package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;

import java.util.List;

/**
 * An OpenAI chat completion body as Ollama's native {@code /api/chat} takes it (0.6.32's
 * conversion): text and image parts of a message become {@code content} and base64
 * {@code images}; an assistant's tool calls get their arguments as objects; {@code tools},
 * {@code options}, {@code format}, {@code keep_alive} and {@code think} go through. Beyond
 * 0.6.32, the OpenAI sampling fields an API client sets at the top level ({@code temperature},
 * {@code max_tokens}, …) are moved into {@code options} unless the params already set them there,
 * and {@code response_format} {@code json_object} asks for {@code "json"}.
 */
public final class OllamaChatRequest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAI top-level fields Ollama has as options (max_tokens under its own name, num_predict). */
    private static final List<String> SAMPLING = List.of("temperature", "top_p", "min_p", "seed", "frequency_penalty",
            "presence_penalty", "stop");

    private OllamaChatRequest() {
    }

    /** @throws ApiException 400 for a message or option Ollama cannot be given */
    public static ObjectNode of(JsonNode openAi) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", openAi.path("model").asText());
        body.set("messages", messages(openAi.path("messages")));
        body.put("stream", openAi.path("stream").asBoolean(false));
        if (openAi.get("tools") instanceof ArrayNode tools && !tools.isEmpty()) {
            body.set("tools", tools);
        }
        ObjectNode options = JSON.createObjectNode();
        JsonNode given = openAi.get("options");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw ApiException.badRequest("'options' must be an object");
            }
            given.properties().forEach(option -> {
                JsonNode value = OllamaParams.option(option.getKey(), option.getValue());
                if (value != null) {
                    options.set(option.getKey(), value);
                }
            });
        }
        for (String name : SAMPLING) {
            fill(options, name, openAi.get(name));
        }
        fill(options, "num_predict", openAi.get("max_tokens"));
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        for (String root : List.of("format", "keep_alive", "think")) {
            if (openAi.hasNonNull(root)) {
                body.set(root, OllamaParams.root(root, openAi.get(root)));
            }
        }
        if (!body.has("format")) {
            JsonNode format = format(openAi.path("response_format"));
            if (format != null) {
                body.set("format", format);
            }
        }
        return body;
    }

    /** An option the params left open, taken from a top-level OpenAI field. */
    private static void fill(ObjectNode options, String name, JsonNode given) {
        if (given != null && !given.isNull() && !options.has(name)) {
            JsonNode value = OllamaParams.option(name, given);
            if (value != null) {
                options.set(name, value);
            }
        }
    }

    private static JsonNode format(JsonNode responseFormat) {
        String type = responseFormat.path("type").asText("");
        if (type.equals("json_object")) {
            return JSON.getNodeFactory().textNode("json");
        }
        JsonNode schema = responseFormat.path(type).path("schema");
        return type.isEmpty() || !schema.isObject() ? null : schema;
    }

    private static ArrayNode messages(JsonNode openAi) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode message : openAi) {
            if (!message.isObject()) {
                throw ApiException.badRequest("Each message must be an object");
            }
            out.add(message(message));
        }
        return out;
    }

    private static ObjectNode message(JsonNode message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("role", message.path("role").asText("user"));
        JsonNode content = message.path("content");
        if (message.get("tool_calls") instanceof ArrayNode calls && !calls.isEmpty()) {
            out.put("content", content.isTextual() ? content.textValue() : "");
            out.set("tool_calls", toolCalls(calls));
            return out;
        }
        if (content.isArray()) {
            parts(content, out);
        } else {
            out.put("content", content.isTextual() ? content.textValue() : "");
        }
        if (message.path("tool_call_id").isTextual()) {
            out.put("tool_call_id", message.get("tool_call_id").textValue());
        }
        if (message.path("name").isTextual() && "tool".equals(out.path("role").asText())) {
            out.put("tool_name", message.get("name").textValue());
        }
        return out;
    }

    /** Text parts joined; image parts as base64 (a data URL loses its header, as 0.6.32 does). */
    private static void parts(JsonNode parts, ObjectNode out) {
        StringBuilder text = new StringBuilder();
        ArrayNode images = JSON.createArrayNode();
        for (JsonNode part : parts) {
            String type = part.path("type").asText("");
            if (type.equals("text") && part.path("text").isTextual()) {
                text.append(part.get("text").textValue());
            } else if (type.equals("image_url")) {
                JsonNode image = part.path("image_url");
                String url = image.isTextual() ? image.textValue() : image.path("url").asText("");
                if (!url.isEmpty()) {
                    images.add(url.startsWith("data:") ? url.substring(url.indexOf(',') + 1) : url);
                }
            }
        }
        out.put("content", text.toString().strip());
        if (!images.isEmpty()) {
            out.set("images", images);
        }
    }

    private static ArrayNode toolCalls(ArrayNode calls) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode call : calls) {
            ObjectNode function = JSON.createObjectNode();
            function.put("name", call.path("function").path("name").asText(""));
            function.set("arguments", arguments(call.path("function").path("arguments")));
            ObjectNode converted = out.addObject();
            if (call.path("id").isTextual()) {
                converted.put("id", call.get("id").textValue());
            }
            converted.set("function", function);
        }
        return out;
    }

    /** OpenAI sends arguments as JSON text, Ollama wants the object; text that is no object is refused. */
    private static JsonNode arguments(JsonNode arguments) {
        if (arguments.isObject()) {
            return arguments;
        }
        if (arguments.isMissingNode() || arguments.isNull() || (arguments.isTextual() && arguments.textValue().isBlank())) {
            return JSON.createObjectNode();
        }
        JsonNode parsed = OllamaParams.parsed(arguments);
        if (!parsed.isObject()) {
            throw ApiException.badRequest("The arguments of a tool call must be a JSON object");
        }
        return parsed;
    }
}
