package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * Ollama's native chat answers in OpenAI's shapes (0.6.32's conversion): a streamed line becomes a
 * {@code chat.completion.chunk} whose delta carries the text, the thinking as
 * {@code reasoning_content} and the tool calls (arguments as JSON text, one index per call); the
 * last line ({@code done: true}) has the finish reason and the usage from Ollama's counters. A whole
 * answer becomes a {@code chat.completion}.
 */
public final class OllamaChatAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id = "chatcmpl-" + UUID.randomUUID();
    private final long created = System.currentTimeMillis() / 1000;
    /** Tool calls numbered across the stream: each Ollama call is whole, so each gets its own index. */
    private int toolCalls;

    /** One NDJSON line of a stream. */
    public ObjectNode chunk(JsonNode line) {
        ObjectNode chunk = head(line, "chat.completion.chunk");
        ObjectNode choice = chunk.withArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        JsonNode message = line.path("message");
        fill(delta, message, false);
        if (line.path("done").asBoolean(false)) {
            choice.put("finish_reason", finishReason(line));
            chunk.set("usage", OllamaUsage.of(line));
        } else {
            choice.putNull("finish_reason");
        }
        return chunk;
    }

    /** A whole answer ({@code stream: false}). */
    public ObjectNode whole(JsonNode answer) {
        ObjectNode completion = head(answer, "chat.completion");
        ObjectNode choice = completion.withArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        fill(message, answer.path("message"), true);
        choice.put("finish_reason", finishReason(answer));
        completion.set("usage", OllamaUsage.of(answer));
        return completion;
    }

    private ObjectNode head(JsonNode line, String object) {
        ObjectNode head = JSON.createObjectNode();
        head.put("id", id);
        head.put("object", object);
        head.put("created", created);
        head.put("model", line.path("model").asText("ollama"));
        return head;
    }

    /** Text (always in a whole answer, only when there is some in a chunk), thinking and tool calls. */
    private void fill(ObjectNode target, JsonNode message, boolean always) {
        String content = message.path("content").asText("");
        if (!content.isEmpty() || always) {
            target.put("content", content);
        }
        String thinking = message.path("thinking").asText("");
        if (!thinking.isEmpty()) {
            target.put("reasoning_content", thinking);
        }
        if (message.get("tool_calls") instanceof ArrayNode calls && !calls.isEmpty()) {
            target.set("tool_calls", toolCalls(calls));
        }
    }

    private ArrayNode toolCalls(ArrayNode calls) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            ObjectNode converted = out.addObject();
            converted.put("index", toolCalls++);
            converted.put("id", call.path("id").isTextual() && !call.get("id").textValue().isEmpty() ? call.get("id").textValue()
                    : "call_" + UUID.randomUUID());
            converted.put("type", "function");
            ObjectNode target = converted.putObject("function");
            target.put("name", function.path("name").asText(""));
            JsonNode arguments = function.path("arguments");
            target.put("arguments", arguments.isTextual() ? arguments.textValue()
                    : arguments.isMissingNode() || arguments.isNull() ? "{}" : arguments.toString());
        }
        return out;
    }

    private String finishReason(JsonNode line) {
        if (toolCalls > 0) {
            return "tool_calls";
        }
        return "length".equals(line.path("done_reason").asText()) ? "length" : "stop";
    }
}
