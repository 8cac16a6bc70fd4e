package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The usage of an answer from Ollama's counters (the last line of its stream), with the fields
 * 0.6.32 fills: OpenAI's {@code prompt_tokens}, {@code completion_tokens} and {@code total_tokens},
 * Ollama's own counts and durations (nanoseconds), the speeds in tokens per second ({@code "N/A"}
 * without a duration) and {@code approximate_total} such as {@code "0h0m5s"}.
 */
final class OllamaUsage {
    private OllamaUsage() {
    }

    static ObjectNode of(JsonNode done) {
        long promptCount = done.path("prompt_eval_count").asLong(0);
        long promptNanos = done.path("prompt_eval_duration").asLong(0);
        long evalCount = done.path("eval_count").asLong(0);
        long evalNanos = done.path("eval_duration").asLong(0);
        long totalNanos = done.path("total_duration").asLong(0);
        ObjectNode usage = JsonNodeFactory.instance.objectNode();
        speed(usage, "response_token/s", evalCount, evalNanos);
        speed(usage, "prompt_token/s", promptCount, promptNanos);
        usage.put("total_duration", totalNanos);
        usage.put("load_duration", done.path("load_duration").asLong(0));
        usage.put("prompt_eval_count", promptCount);
        usage.put("prompt_tokens", promptCount);
        usage.put("prompt_eval_duration", promptNanos);
        usage.put("eval_count", evalCount);
        usage.put("completion_tokens", evalCount);
        usage.put("eval_duration", evalNanos);
        long seconds = totalNanos / 1_000_000_000L;
        usage.put("approximate_total", (seconds / 3600) + "h" + (seconds % 3600 / 60) + "m" + (seconds % 60) + "s");
        usage.put("total_tokens", promptCount + evalCount);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return usage;
    }

    private static void speed(ObjectNode usage, String field, long count, long nanos) {
        if (nanos > 0) {
            usage.put(field, Math.round(count * 1e9 / nanos * 100) / 100.0);
        } else {
            usage.put(field, "N/A");
        }
    }
}
