package dev.webui.files.web.fetch;

import dev.webui.files.web.WebDocument;
import dev.webui.files.web.WebException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTextTest {
    private static FetchedPage page(String type, byte[] body) {
        return new FetchedPage("https://example.com/a", "https://example.com/a", type, Buffer.buffer(body));
    }

    @Test
    void htmlBecomesReadableTextWithItsMetadata() {
        String html = "<html lang='de'><head><title> Über uns </title><meta name='description' content='Wer wir sind'>"
                + "<script>alert('x')</script></head><body><nav>Menu</nav><h1>Titel</h1><p>Erster   Absatz.</p>"
                + "<p>Zweiter<br>Satz</p><noscript>no js</noscript></body></html>";
        WebDocument doc = PageText.extract(page("text/html; charset=iso-8859-1", html.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Über uns", doc.metadata().get("title"));
        assertEquals("Wer wir sind", doc.metadata().get("description"));
        assertEquals("de", doc.metadata().get("language"));
        assertEquals("https://example.com/a", doc.source());
        assertTrue(doc.content().contains("Erster Absatz."), doc.content());
        assertTrue(doc.content().contains("Zweiter\nSatz"), doc.content());
        assertFalse(doc.content().contains("alert") || doc.content().contains("no js"), doc.content());
    }

    @Test
    void plainTextIsKeptAndOtherTypesAreRefused() {
        assertEquals("line one\nline two", PageText.extract(page("text/plain", "line one\nline two\n".getBytes(StandardCharsets.UTF_8))).content());
        assertThrows(WebException.class, () -> PageText.extract(page("image/png", new byte[]{1, 2})));
    }
}
