package dev.webui.api.completion;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseDecoderTest {
    private static List<String> decode(byte[] bytes, int... cuts) {
        SseDecoder decoder = new SseDecoder();
        List<String> events = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            decoder.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, start, cut)), events::add);
            start = cut;
        }
        decoder.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, start, bytes.length)), events::add);
        decoder.finish(events::add);
        return events;
    }

    @Test
    void eventsSplitAnywhereAcrossChunksComeOutWhole() {
        byte[] wire = "data: {\"a\":1}\n\ndata: {\"b\":\"é€\"}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("{\"a\":1}", "{\"b\":\"é€\"}", "[DONE]");
        for (int cut = 1; cut < wire.length; cut++) {
            assertEquals(expected, decode(wire, cut), "cut at byte " + cut);
        }
        assertEquals(expected, decode(wire, 3, 10, 11, 12, 30, 31));
    }

    @Test
    void crlfCommentsMultiLineDataAndAMissingFinalBlankLine() {
        byte[] wire = ": keep-alive\r\ndata: line one\r\ndata:line two\r\nevent: x\r\n\r\ndata: tail".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("line one\nline two", "tail"), decode(wire));
    }
}
