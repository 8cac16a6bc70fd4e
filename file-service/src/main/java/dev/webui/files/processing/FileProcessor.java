package dev.webui.files.processing;

import dev.webui.files.config.FileLimitsConfig;
import dev.webui.files.db.Json;
import dev.webui.files.embedding.EmbeddingException;
import dev.webui.files.file.FileRepository;
import dev.webui.files.file.FileRow;
import dev.webui.files.file.ProcessingStatus;
import dev.webui.files.storage.FileStorage;
import dev.webui.files.vector.ChunkStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts, chunks and embeds uploaded files on a small pool of background workers. Progress and
 * the outcome are written to the file's {@code data} (status, progress, error), where every
 * replica's status stream reads them.
 */
@ApplicationScoped
public class FileProcessor {
    private static final Logger LOG = Logger.getLogger(FileProcessor.class);
    /** How often a file processed by another replica is looked at while waiting for it. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

    private final FileRepository files;
    private final FileStorage storage;
    private final TextExtractor extractor;
    private final Indexer indexer;
    private final FileLimitsConfig limits;
    private final AudioTranscription audio;
    private final ExecutorService workers;
    private final ConcurrentMap<String, Job> queued = new ConcurrentHashMap<>();

    public FileProcessor(FileRepository files, FileStorage storage, TextExtractor extractor, Indexer indexer, FileLimitsConfig limits,
                         AudioTranscription audio) {
        this.files = files;
        this.audio = audio;
        this.storage = storage;
        this.extractor = extractor;
        this.indexer = indexer;
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, limits.fileProcessingWorkers()), r -> {
            Thread t = new Thread(r, "file-processing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the type has text to extract: documents, and audio when speech to text takes it (images and video are stored only). */
    public boolean processable(String contentType) {
        return audio.applies(contentType)
                || !(contentType.startsWith("image/") || contentType.startsWith("audio/") || contentType.startsWith("video/"));
    }

    public void submit(String fileId) {
        Job job = new Job();
        queued.put(fileId, job);
        workers.execute(() -> run(fileId, job));
    }

    /**
     * Brings a pending file to its outcome before returning: a file still queued on this replica is
     * processed now on the calling thread, one being processed here is waited for, and one another
     * replica is processing is watched in the database. Returns the file as it then stands (still
     * pending if {@code timeout} ran out), empty when it is gone.
     */
    public Optional<FileRow> finish(String fileId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Job job = queued.get(fileId);
        if (job != null) {
            run(fileId, job);
            try {
                job.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return files.find(fileId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return files.find(fileId);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        Optional<FileRow> file = files.find(fileId);
        while (file.isPresent() && ProcessingStatus.PENDING.equals(file.get().status()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            file = files.find(fileId);
        }
        return file;
    }

    /** Runs a queued job unless a worker or a waiting caller already took it. */
    private void run(String fileId, Job job) {
        if (!job.claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            process(fileId);
        } finally {
            queued.remove(fileId, job);
            job.done.complete(null);
        }
    }

    /** A submitted file: claimed by whoever runs it first, done when its outcome is recorded. */
    private static final class Job {
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<Void> done = new CompletableFuture<>();
    }

    /** Processes a file now, on the calling thread; the outcome is recorded on the file, never thrown. */
    public void process(String fileId) {
        FileRow file = files.find(fileId).orElse(null);
        if (file == null) {
            return;
        }
        try {
            progress(fileId, "extracting", 0, 0);
            String text;
            boolean speech = audio.applies(file.contentType());
            if (speech) {
                text = Json.stripNul(audio.transcribe(file));
            } else {
                try (InputStream in = storage.open(file.path(), 0, -1)) {
                    text = Json.stripNul(extractor.extract(in, file.displayName(), file.contentType(), limits.fileMaxTextLength()));
                }
            }
            if (text.isBlank()) {
                fail(fileId, speech ? "No speech was recognised in this file" : "No text could be extracted from this file");
                return;
            }
            index(file, text);
        } catch (TextExtractor.ExtractionException | EmbeddingException e) {
            fail(fileId, e.getMessage());
        } catch (IOException e) {
            fail(fileId, "The stored file could not be read");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Processing file %s failed", fileId);
            fail(fileId, "Processing failed unexpectedly");
        } catch (OutOfMemoryError e) {
            // the worker's allocations are garbage now; the file is marked so that nobody waits for it
            LOG.errorf(e, "Processing file %s ran out of memory", fileId);
            fail(fileId, "The file needs more memory to process than this server has");
        } catch (StackOverflowError e) {
            LOG.errorf(e, "Processing file %s nests too deeply", fileId);
            fail(fileId, "The file nests too deeply to process");
        }
    }

    /** Replaces a file's text (content edit) and re-indexes it everywhere it is indexed; errors propagate. */
    public void reindexText(String fileId, String text) {
        FileRow file = files.find(fileId).orElseThrow();
        index(file, text);
    }

    private void index(FileRow file, String text) {
        String id = file.id();
        indexer.indexFile(file, text, (done, total) -> progress(id, "embedding", done, total));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", ProcessingStatus.COMPLETED);
        data.put("content", text);
        if (!files.setData(id, data)) {
            indexer.forgetFile(id); // deleted while we worked: leave no vectors behind
        }
    }

    private void progress(String fileId, String stage, int done, int total) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("stage", stage);
        progress.put("done", done);
        progress.put("total", total);
        files.mergeData(fileId, Map.of("status", ProcessingStatus.PENDING, "progress", progress));
    }

    private void fail(String fileId, String reason) {
        indexer.forgetFile(fileId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", ProcessingStatus.FAILED);
        data.put("error", reason);
        files.setData(fileId, data);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
