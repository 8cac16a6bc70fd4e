package dev.webui.files.processing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkerTest {
    final Chunker chunker = new Chunker();

    @Test
    void chunksRespectTheSizeAndShareTheOverlap() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("Sentence number ").append(i).append(" talks about topic ").append(i % 7).append(". ");
        }
        List<String> chunks = chunker.split(text.toString(), 300, 60);
        assertTrue(chunks.size() > 10);
        chunks.forEach(c -> assertTrue(c.length() <= 300, "chunk of " + c.length()));
        for (int i = 1; i < chunks.size(); i++) {
            String previousTail = chunks.get(i - 1).substring(chunks.get(i - 1).length() - 20);
            assertTrue(chunks.get(i).contains(previousTail.trim().substring(0, 10)) || chunks.get(i).length() < 60,
                    "chunk " + i + " repeats the end of the previous one");
        }
        assertTrue(String.join(" ", chunks).contains("Sentence number 199"));
    }

    @Test
    void shortAndBlankTexts() {
        assertEquals(List.of("one line"), chunker.split("one line", 1000, 100));
        assertEquals(List.of(), chunker.split("   \n ", 1000, 100));
    }
}
