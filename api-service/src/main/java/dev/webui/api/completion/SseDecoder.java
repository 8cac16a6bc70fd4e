package dev.webui.api.completion;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental Server-Sent Events reader: bytes in as they arrive, the {@code data} of each complete
 * event out (multi-line data joined by newlines). Lines are split on bytes before decoding, so a
 * UTF-8 character cut between two network chunks is never damaged.
 */
public final class SseDecoder {
    private Buffer pending = Buffer.buffer();
    private StringBuilder data;

    public void feed(Buffer chunk, Consumer<String> onData) {
        Buffer buffer = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
        int start = 0;
        int length = buffer.length();
        for (int i = 0; i < length; i++) {
            if (buffer.getByte(i) == '\n') {
                int end = i > start && buffer.getByte(i - 1) == '\r' ? i - 1 : i;
                line(buffer.getString(start, end, StandardCharsets.UTF_8.name()), onData);
                start = i + 1;
            }
        }
        pending = start == length ? Buffer.buffer() : buffer.getBuffer(start, length);
    }

    /** At the end of the stream: an event not terminated by a blank line still counts. */
    public void finish(Consumer<String> onData) {
        if (pending.length() > 0) {
            line(pending.toString(StandardCharsets.UTF_8), onData);
            pending = Buffer.buffer();
        }
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
