package dev.webui.api.completion;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/**
 * Turns a provider's streamed bytes into OpenAI stream payloads (the text of each {@code data:}
 * event: a chunk's JSON or {@code [DONE]}), whatever the provider's own stream format is.
 */
public interface StreamDecoder {
    void feed(Buffer chunk, Consumer<String> onData);

    /** At the end of the stream: whatever the last bytes complete. */
    void finish(Consumer<String> onData);
}
