package dev.webui.api.completion;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines ({@code \n} or {@code \r\n}) as the bytes arrive. Lines are split
 * on bytes before decoding, so a UTF-8 character cut between two network chunks is never damaged.
 */
public final class LineSplitter {
    private Buffer pending = Buffer.buffer();

    public void feed(Buffer chunk, Consumer<String> onLine) {
        Buffer buffer = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
        int start = 0;
        int length = buffer.length();
        for (int i = 0; i < length; i++) {
            if (buffer.getByte(i) == '\n') {
                int end = i > start && buffer.getByte(i - 1) == '\r' ? i - 1 : i;
                onLine.accept(buffer.getString(start, end, StandardCharsets.UTF_8.name()));
                start = i + 1;
            }
        }
        pending = start == length ? Buffer.buffer() : buffer.getBuffer(start, length);
    }

    /** At the end of the stream: a last line without its line break still counts. */
    public void finish(Consumer<String> onLine) {
        if (pending.length() > 0) {
            String last = pending.toString(StandardCharsets.UTF_8);
            pending = Buffer.buffer();
            onLine.accept(last);
        }
    }
}
