package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One {@code data:} payload of an OpenAI stream: the end marker, or a chunk with what it carries. */
public record StreamChunk(boolean done, JsonNode json, String content, JsonNode usage, String error) {
    static final String DONE = "[DONE]";

    public static StreamChunk parse(ObjectMapper mapper, String data) {
        if (DONE.equals(data.trim())) {
            return new StreamChunk(true, null, null, null, null);
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
            return new StreamChunk(false, json, null, null, errorMessage(error));
        }
        JsonNode delta = json.path("choices").path(0).path("delta");
        JsonNode content = delta.get("content");
        JsonNode usage = json.get("usage");
        return new StreamChunk(false, json, content != null && content.isTextual() ? content.textValue() : null,
                usage != null && usage.isObject() ? usage : null, null);
    }

    static String errorMessage(JsonNode error) {
        if (error.isTextual()) {
            return error.textValue();
        }
        JsonNode message = error.get("message");
        return message != null && message.isTextual() ? message.textValue() : error.toString();
    }
}
