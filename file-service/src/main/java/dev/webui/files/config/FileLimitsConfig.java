package dev.webui.files.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How file-service processes uploads. The upload limits an admin may change (FILE_MAX_SIZE,
 * FILE_MAX_COUNT, ALLOWED_FILE_EXTENSIONS) are registered settings (dev.webui.core.settings.Settings).
 */
@ConfigMapping(prefix = "")
public interface FileLimitsConfig {
    /** FILE_PROCESSING_WORKERS: files extracted and embedded at the same time per replica. */
    @WithName("FILE_PROCESSING_WORKERS")
    @WithDefault("2")
    int fileProcessingWorkers();

    /** FILE_MAX_TEXT_LENGTH: characters of extracted text kept per file; extraction fails beyond it. */
    @WithName("FILE_MAX_TEXT_LENGTH")
    @WithDefault("20000000")
    int fileMaxTextLength();

    /**
     * FILE_PROCESSING_WAIT_SECONDS: how long adding a still-pending file to a knowledge base waits
     * for its processing before answering that it is not ready (kept below the gateway's read timeout).
     */
    @WithName("FILE_PROCESSING_WAIT_SECONDS")
    @WithDefault("240")
    int fileProcessingWaitSeconds();

    /** FILE_MAX_UNPACKED_SIZE: MB an archive-based document (docx, xlsx, pptx, odt...) may unpack to; extraction fails beyond it. */
    @WithName("FILE_MAX_UNPACKED_SIZE")
    @WithDefault("100")
    long fileMaxUnpackedSize();

    /** FILE_MAX_ARCHIVE_ENTRIES: most entries such a document may hold. */
    @WithName("FILE_MAX_ARCHIVE_ENTRIES")
    @WithDefault("10000")
    int fileMaxArchiveEntries();
}
