package dev.webui.files.processing;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Splits text into chunks of at most CHUNK_SIZE characters with about CHUNK_OVERLAP shared, on paragraph, line, sentence and word boundaries. */
@ApplicationScoped
public class Chunker {
    public List<String> split(String text, int chunkSize, int chunkOverlap) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return DocumentSplitters.recursive(chunkSize, chunkOverlap).split(Document.from(text)).stream()
                .map(TextSegment::text).filter(t -> !t.isBlank()).toList();
    }
}
