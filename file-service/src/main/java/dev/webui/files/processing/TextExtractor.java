package dev.webui.files.processing;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;

/** Plain text of a document through Apache Tika, bounded in length. */
@ApplicationScoped
public class TextExtractor {
    private final Parser autoDetect = new AutoDetectParser();
    private final Parser plainText = new TXTParser();

    /** Thrown with a reason a user can act on. */
    public static class ExtractionException extends Exception {
        public ExtractionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public String extract(InputStream in, String name, String contentType, int maxChars) throws ExtractionException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        metadata.set(Metadata.CONTENT_TYPE, contentType);
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        // JSON and other structured text has no Tika parser of its own: its text is the file itself
        Parser parser = isPlainText(contentType) ? plainText : autoDetect;
        try {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ExtractionException("The extracted text is longer than FILE_MAX_TEXT_LENGTH (" + maxChars + " characters)", e);
            }
            throw new ExtractionException("The file could not be read as " + contentType + ": " + rootMessage(e), e);
        } catch (TikaException | IOException | RuntimeException e) {
            throw new ExtractionException("The file could not be read as " + contentType + ": " + rootMessage(e), e);
        }
        return handler.toString();
    }

    static boolean isPlainText(String contentType) {
        return contentType.startsWith("text/") && !contentType.equals("text/html")
                || contentType.equals("application/json") || contentType.endsWith("+json")
                || contentType.equals("application/x-ndjson");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
