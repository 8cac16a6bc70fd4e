package dev.webui.files.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip-based document (docx, xlsx, pptx, odt, epub...) into nothing, counting, before any
 * parser builds it in memory: a few hundred KB can hold gigabytes of XML. What it declares is not
 * trusted; the inflated bytes are counted.
 */
final class ArchiveBudget {
    private ArchiveBudget() {
    }

    /** Why the archive is refused, or null when it stays within both limits (or is no readable zip: the parser decides then). */
    static String exceeded(Path file, long maxBytes, int maxEntries) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > maxEntries) {
                return "The file holds more than " + maxEntries + " packed entries (FILE_MAX_ARCHIVE_ENTRIES)";
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > maxBytes) {
                            return "The file unpacks to more than " + (maxBytes / (1024 * 1024)) + " MB (FILE_MAX_UNPACKED_SIZE)";
                        }
                    }
                }
            }
            return null;
        } catch (IOException notAZip) {
            return null;
        }
    }
}
