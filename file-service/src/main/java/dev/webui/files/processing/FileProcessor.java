package dev.webui.files.processing;

import dev.webui.files.config.FileLimitsConfig;
import dev.webui.files.db.Json;
import dev.webui.files.embedding.EmbeddingException;
import dev.webui.files.file.FileRepository;
import dev.webui.files.file.FileRow;
import dev.webui.files.file.ProcessingStatus;
import dev.webui.files.storage.FileStorage;
import dev.webui.files.vector.ChunkStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
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
    /** How long stopping waits for interrupted jobs to record their outcome. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The reason recorded on a file whose processing was interrupted (the replica stopping). */
    public static final String INTERRUPTED = "Processing was interrupted before it finished; process the file again";

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
        } catch (TextExtractor.ExtractionException | RuntimeException | IOException e) {
            if (interrupted(e)) {
                interruptedWhileProcessing(fileId);
            } else if (e instanceof TextExtractor.ExtractionException || e instanceof EmbeddingException) {
                fail(fileId, e.getMessage());
            } else if (e instanceof IOException) {
                fail(fileId, "The stored file could not be read");
            } else {
                LOG.errorf(e, "Processing file %s failed", fileId);
                fail(fileId, "Processing failed unexpectedly");
            }
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

    /**
     * Whether the failure only says that this thread was interrupted (the replica stopping its
     * workers): a blocking database or HTTP call then fails with the interrupt as its cause, which
     * says nothing about the file.
     */
    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records that the work was cut short, not that the file is bad, so that the status stream ends
     * and {@code /retrieval/process/file} processes it again. The interrupt is set aside while the
     * outcome is written (a blocking call on an interrupted thread fails at once) and restored after.
     * When even that write fails (the database is closing too) the file stays pending, as when a
     * replica dies.
     */
    private void interruptedWhileProcessing(String fileId) {
        boolean wasInterrupted = Thread.interrupted();
        try {
            LOG.infof("Processing file %s was interrupted; it is marked as such, to be processed again", fileId);
            fail(fileId, INTERRUPTED);
        } catch (RuntimeException e) {
            LOG.warnf("Processing file %s was interrupted and could not be marked: %s", fileId, e.getMessage());
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the workers when the replica shuts down: on the shutdown event, while the database pool
     * is still open (it is closed before beans are destroyed), so the outcome can still be recorded.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Stops the workers: running jobs are interrupted and given a moment to record that; jobs that
     * never started are marked the same way.
     */
    void stop() {
        workers.shutdownNow();
        queued.forEach((fileId, job) -> {
            if (job.claimed.compareAndSet(false, true)) {
                try {
                    interruptedWhileProcessing(fileId);
                } finally {
                    queued.remove(fileId, job);
                    job.done.complete(null);
                }
            }
        });
        try {
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("File processing workers still busy at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
