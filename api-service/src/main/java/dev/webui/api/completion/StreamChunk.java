package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One {@code data:} payload of an OpenAI stream: the end marker, or a chunk with what it carries
 * (the thinking of reasoning models in {@code reasoning_content}, {@code reasoning} or {@code thinking};
 * native tool call fragments in {@code tool_calls}).
 */
public record StreamChunk(boolean done, JsonNode json, String content, String reasoning, JsonNode usage, String error,
                          JsonNode toolCalls) {
    static final String DONE = "[DONE]";

    public static StreamChunk parse(ObjectMapper mapper, String data) {
        if (DONE.equals(data.trim())) {
            return new StreamChunk(true, null, null, null, null, null, null);
        }
        JsonNode json;
        try {
            json = mapper.readTree(data);
        } catch (Exception e) {
            throw UpstreamFault.malformed("a data line is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw UpstreamFault.malformed("a data line is not a JSON object");
        }
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            return new StreamChunk(false, json, null, null, null, errorMessage(error), null);
        }
        JsonNode delta = json.path("choices").path(0).path("delta");
        JsonNode content = delta.get("content");
        JsonNode usage = json.get("usage");
        return new StreamChunk(false, json, content != null && content.isTextual() ? content.textValue() : null,
                reasoning(delta), usage != null && usage.isObject() ? usage : null, null,
                delta.get("tool_calls") instanceof ArrayNode calls && !calls.isEmpty() ? calls : null);
    }

    /** The thinking a delta (or a whole message) carries, under any of the names providers use. */
    static String reasoning(JsonNode delta) {
        for (String field : new String[]{"reasoning_content", "reasoning", "thinking"}) {
            JsonNode value = delta.get(field);
            if (value != null && value.isTextual() && !value.textValue().isEmpty()) {
                return value.textValue();
            }
        }
        return null;
    }

    static String errorMessage(JsonNode error) {
        if (error.isTextual()) {
            return error.textValue();
        }
        JsonNode message = error.get("message");
        return message != null && message.isTextual() ? message.textValue() : error.toString();
    }
}
