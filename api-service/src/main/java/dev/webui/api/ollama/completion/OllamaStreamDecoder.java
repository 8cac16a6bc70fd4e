package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.completion.LineSplitter;
import dev.webui.api.completion.StreamDecoder;
import io.vertx.core.buffer.Buffer;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Ollama's NDJSON chat stream read as an OpenAI stream: each line becomes a chunk
 * ({@link OllamaChatAnswer}); the {@code done} line is followed by {@code [DONE]}; an
 * {@code {"error"}} line becomes an OpenAI error payload. A line that is not a JSON object is handed
 * on as it is, so the reader reports a malformed stream. A stream that ends without its
 * {@code done} line (possibly in the middle of one) gets no end marker: the reader sees it cut.
 */
public final class OllamaStreamDecoder implements StreamDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DONE = "[DONE]";

    private final LineSplitter lines = new LineSplitter();
    private final OllamaChatAnswer answer = new OllamaChatAnswer();
    private boolean done;

    @Override
    public void feed(Buffer chunk, Consumer<String> onData) {
        lines.feed(chunk, line -> line(line, onData, false));
    }

    @Override
    public void finish(Consumer<String> onData) {
        lines.finish(line -> line(line, onData, true));
    }

    /** @param unfinished a last line without its line break: when it is no JSON, the stream was cut in it */
    private void line(String line, Consumer<String> onData, boolean unfinished) {
        if (done || line.isBlank()) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            if (!unfinished) {
                onData.accept(line);
            }
            return;
        }
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            done = true;
            onData.accept(JSON.valueToTree(Map.of("error", Map.of("message", "Ollama: " + error.asText(error.toString()))))
                    .toString());
            return;
        }
        onData.accept(answer.chunk(json).toString());
        if (json.path("done").asBoolean(false)) {
            done = true;
            onData.accept(DONE);
        }
    }
}
