package dev.webui.files.processing;

import dev.webui.files.config.FileLimitsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Plain text of a document through Apache Tika, bounded in length and in what a packed document
 * may unpack to: zip-based formats are measured before parsing, Word and PowerPoint files are
 * read as a stream of XML events (not built as a tree), and POI's own zip-bomb guards stay on.
 */
@ApplicationScoped
public class TextExtractor {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Parser autoDetect = new AutoDetectParser();
    private final Parser plainText = new TXTParser();
    private final long maxUnpackedBytes;
    private final int maxArchiveEntries;

    @Inject
    public TextExtractor(FileLimitsConfig limits) {
        this(limits.fileMaxUnpackedSize() * 1024 * 1024, limits.fileMaxArchiveEntries());
    }

    TextExtractor(long maxUnpackedBytes, int maxArchiveEntries) {
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxArchiveEntries = maxArchiveEntries;
        // Tika's OOXML parser turns POI's inflate-ratio guard off when its class loads: load it, then turn it back on
        new OOXMLParser();
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(maxUnpackedBytes);
        ZipSecureFile.setMaxFileCount(maxArchiveEntries);
    }

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
        try (TikaInputStream stream = TikaInputStream.get(in)) {
            if (startsWith(stream, ZIP_MAGIC)) {
                String refused = ArchiveBudget.exceeded(stream.getPath(), maxUnpackedBytes, maxArchiveEntries);
                if (refused != null) {
                    throw new ExtractionException(refused, null);
                }
            }
            parser.parse(stream, handler, metadata, streamingContext());
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

    private static ParseContext streamingContext() {
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        ParseContext context = new ParseContext();
        context.set(OfficeParserConfig.class, office);
        return context;
    }

    private static boolean startsWith(TikaInputStream stream, byte[] magic) throws IOException {
        byte[] head = new byte[magic.length];
        stream.mark(magic.length);
        int n = stream.readNBytes(head, 0, head.length);
        stream.reset();
        return n == magic.length && Arrays.equals(head, magic);
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
