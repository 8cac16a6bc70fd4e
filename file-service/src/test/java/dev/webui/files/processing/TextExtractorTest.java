package dev.webui.files.processing;

import dev.webui.files.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static dev.webui.files.support.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextExtractorTest {
    static final String MARKER = "Quokka marker sentence 4711";
    final TextExtractor extractor = new TextExtractor(100L * 1024 * 1024, 10_000);

    String extract(byte[] bytes, String name, String type) throws Exception {
        return extractor.extract(new ByteArrayInputStream(bytes), name, type, 1_000_000);
    }

    @Test
    void everyPromisedFormatYieldsItsText() throws Exception {
        assertTrue(extract(Fixtures.pdf(MARKER), "a.pdf", "application/pdf").contains(MARKER));
        assertTrue(extract(Fixtures.docx(MARKER), "a.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document").contains(MARKER));
        assertTrue(extract(Fixtures.pptx(MARKER), "a.pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation").contains(MARKER));
        assertTrue(extract(Fixtures.xlsx(MARKER), "a.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").contains(MARKER));
        String html = extract(utf8("<html><head><script>var secret=1;</script></head><body><p>" + MARKER + "</p></body></html>"),
                "a.html", "text/html");
        assertTrue(html.contains(MARKER));
        assertFalse(html.contains("secret"), "script bodies are not text");
        assertTrue(extract(utf8("# Title\n\n" + MARKER), "a.md", "text/x-web-markdown").contains(MARKER));
        assertTrue(extract(utf8(MARKER), "a.txt", "text/plain").contains(MARKER));
        assertTrue(extract(utf8("name,value\n\"" + MARKER + "\",1\n"), "a.csv", "text/csv").contains(MARKER));
        assertTrue(extract(utf8("{\"note\": \"" + MARKER + "\"}"), "a.json", "application/json").contains(MARKER));
    }

    @Test
    void aBrokenPdfFailsWithAReason() {
        TextExtractor.ExtractionException e = assertThrows(TextExtractor.ExtractionException.class,
                () -> extract(utf8("%PDF-1.7\nthis is not really a pdf"), "broken.pdf", "application/pdf"));
        assertTrue(e.getMessage().contains("application/pdf"), e.getMessage());
    }

    @Test
    void textBeyondTheLimitFailsNamingTheLimit() {
        TextExtractor.ExtractionException e = assertThrows(TextExtractor.ExtractionException.class,
                () -> extractor.extract(new ByteArrayInputStream(utf8("x".repeat(5000))), "a.txt", "text/plain", 1000));
        assertTrue(e.getMessage().contains("FILE_MAX_TEXT_LENGTH"), e.getMessage());
    }

    @Test
    void aZipBombIsRefusedBeforeItIsParsed() {
        byte[] bomb = Fixtures.zipBombDocx(200);
        assertTrue(bomb.length < 1024 * 1024, "the bomb is small: " + bomb.length);
        TextExtractor.ExtractionException e = assertThrows(TextExtractor.ExtractionException.class, () -> extract(bomb, "bomb.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertTrue(e.getMessage().contains("FILE_MAX_UNPACKED_SIZE"), e.getMessage());
    }

    @Test
    void anArchiveWithTooManyEntriesIsRefused() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < 20; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("part" + i + ".xml"));
                zip.write(utf8("<x/>"));
            }
        }
        TextExtractor.ExtractionException e = assertThrows(TextExtractor.ExtractionException.class, () -> new TextExtractor(1024 * 1024, 10)
                .extract(new ByteArrayInputStream(bytes.toByteArray()), "many.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1000));
        assertTrue(e.getMessage().contains("FILE_MAX_ARCHIVE_ENTRIES"), e.getMessage());
    }
}
