package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;

/**
 * A completion request as the stock UI or an API client sends it: the OpenAI body plus Open WebUI's
 * metadata. With session_id, chat_id and id all present it runs as a background task (socket mode).
 */
public record CompletionRequest(ObjectNode body, String model, boolean stream, String sessionId, String chatId,
                                String messageId, JsonNode backgroundTasks) {
    public static final String LOCAL_CHAT = "local";

    public static CompletionRequest parse(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        JsonNode model = object.get("model");
        if (model == null || !model.isTextual() || model.textValue().isBlank()) {
            throw ApiException.badRequest("'model' is required");
        }
        JsonNode messages = object.get("messages");
        if (messages == null || !messages.isArray()) {
            throw ApiException.badRequest("'messages' must be a list");
        }
        JsonNode stream = object.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw ApiException.badRequest("'stream' must be true or false");
        }
        return new CompletionRequest(object, model.textValue(), stream == null || stream.asBoolean(true),
                text(object, "session_id"), text(object, "chat_id"), text(object, "id"), object.get("background_tasks"));
    }

    /** Socket mode: answer with a task ticket and stream to the user's sockets. */
    public boolean background() {
        return sessionId != null && chatId != null && messageId != null;
    }

    /** Whether the answer is written into a stored chat (not a temporary one). */
    public boolean persists() {
        return chatId != null && messageId != null && !LOCAL_CHAT.equals(chatId);
    }

    /**
     * The text of a trailing assistant message ("Continue response"): the answer goes on from it, as in
     * Open WebUI, so it is shown and saved in front of what the model adds. Null when the last message is not
     * the assistant's or has no plain text.
     */
    public String continuedText() {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last == null || !"assistant".equals(last.path("role").asText()) || !last.path("content").isTextual()) {
            return null;
        }
        String text = last.get("content").textValue();
        return text.isEmpty() ? null : text;
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }
}
