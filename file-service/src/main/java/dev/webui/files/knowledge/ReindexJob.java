package dev.webui.files.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.webui.common.error.ApiException;
import dev.webui.files.db.Sql;
import dev.webui.files.file.FileRepository;
import dev.webui.files.file.FileRow;
import dev.webui.files.file.ProcessingStatus;
import dev.webui.files.processing.Indexer;
import dev.webui.files.vector.ChunkStore;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Re-embeds every processed file with the current embedding model (needed after the model
 * changes) and rebuilds every knowledge collection from the files' new chunks. One run at a time
 * per replica; its progress is readable while it runs.
 */
@ApplicationScoped
public class ReindexJob {
    private static final Logger LOG = Logger.getLogger(ReindexJob.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(String status, int done, int total, String error) {
    }

    private final Sql sql;
    private final FileRepository files;
    private final KnowledgeRepository knowledge;
    private final Indexer indexer;
    private final ChunkStore chunks;
    private final AtomicReference<State> state = new AtomicReference<>(new State("idle", 0, 0, null));

    public ReindexJob(Sql sql, FileRepository files, KnowledgeRepository knowledge, Indexer indexer, ChunkStore chunks) {
        this.sql = sql;
        this.files = files;
        this.knowledge = knowledge;
        this.indexer = indexer;
        this.chunks = chunks;
    }

    public State state() {
        return state.get();
    }

    public void start() {
        State current = state.get();
        if ("running".equals(current.status()) || !state.compareAndSet(current, new State("running", 0, 0, null))) {
            throw new ApiException(409, "A re-index is already running");
        }
        Thread worker = new Thread(this::run, "knowledge-reindex");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            List<String> ids = sql.list("SELECT id FROM file WHERE data->>'status' = $1 ORDER BY created_at",
                    Tuple.of(ProcessingStatus.COMPLETED), row -> row.getString(0));
            state.set(new State("running", 0, ids.size(), null));
            int done = 0;
            for (String id : ids) {
                FileRow file = files.find(id).orElse(null);
                if (file != null) {
                    indexer.indexFile(file, file.content(), (d, t) -> { });
                }
                state.set(new State("running", ++done, ids.size(), null));
            }
            for (KnowledgeRow k : knowledge.all()) {
                chunks.dropCollection(k.id());
                k.fileIds().forEach(fileId -> chunks.copyFile(fileId, k.id()));
            }
            state.set(new State("completed", done, ids.size(), null));
        } catch (RuntimeException e) {
            LOG.error("Re-index failed", e);
            State last = state.get();
            state.set(new State("failed", last.done(), last.total(), e.getMessage()));
        }
    }
}
