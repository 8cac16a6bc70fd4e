package dev.webui.api.completion;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/**
 * Incremental Server-Sent Events reader: bytes in as they arrive, the {@code data} of each complete
 * event out (multi-line data joined by newlines).
 */
public final class SseDecoder implements StreamDecoder {
    private final LineSplitter lines = new LineSplitter();
    private StringBuilder data;

    @Override
    public void feed(Buffer chunk, Consumer<String> onData) {
        lines.feed(chunk, line -> line(line, onData));
    }

    /** At the end of the stream: an event not terminated by a blank line still counts. */
    @Override
    public void finish(Consumer<String> onData) {
        lines.finish(line -> line(line, onData));
        line("", onData);
    }

    private void line(String line, Consumer<String> onData) {
        if (line.isEmpty()) {
            if (data != null) {
                String event = data.toString();
                data = null;
                onData.accept(event);
            }
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        if (line.startsWith("data:")) {
            String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
    }
}
