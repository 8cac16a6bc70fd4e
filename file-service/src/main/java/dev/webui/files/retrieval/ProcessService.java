package dev.webui.files.retrieval;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.files.config.FileLimitsConfig;
import dev.webui.files.db.Json;
import dev.webui.files.db.Sql;
import dev.webui.files.file.FileRow;
import dev.webui.files.file.FileService;
import dev.webui.files.file.ProcessingStatus;
import dev.webui.files.knowledge.KnowledgeRepository;
import dev.webui.files.processing.FileProcessor;
import dev.webui.files.processing.Indexer;
import dev.webui.files.retrieval.RetrievalResource.ProcessResult;
import dev.webui.files.vector.ChunkStore;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** /retrieval/process/*: (re)index a file or a piece of text into a collection. */
@ApplicationScoped
public class ProcessService {
    private final FileService files;
    private final FileProcessor processor;
    private final Indexer indexer;
    private final ChunkStore chunks;
    private final KnowledgeRepository knowledge;
    private final QueryService queries;
    private final Sql sql;
    private final FileLimitsConfig limits;

    public ProcessService(FileService files, FileProcessor processor, Indexer indexer, ChunkStore chunks,
                          KnowledgeRepository knowledge, QueryService queries, Sql sql, FileLimitsConfig limits) {
        this.limits = limits;
        this.files = files;
        this.processor = processor;
        this.indexer = indexer;
        this.chunks = chunks;
        this.knowledge = knowledge;
        this.queries = queries;
        this.sql = sql;
    }

    public ProcessResult processFile(AuthenticatedUser user, String fileId, String collection, String content) {
        FileRow file = files.writable(user, fileId);
        if (content != null) {
            processor.reindexText(fileId, Json.stripNul(content));
        } else if (ProcessingStatus.PENDING.equals(file.status())) {
            processor.finish(fileId, Duration.ofSeconds(limits.fileProcessingWaitSeconds()));
        } else if (!ProcessingStatus.COMPLETED.equals(file.status())) {
            processor.process(fileId);
        }
        FileRow done = files.readable(user, fileId);
        if (ProcessingStatus.PENDING.equals(done.status())) {
            throw ApiException.badRequest("The file is still being processed; try again once its processing has completed");
        }
        if (ProcessingStatus.FAILED.equals(done.status())) {
            throw ApiException.badRequest(done.data().path("error").asText("Processing failed"));
        }
        String target = ChunkStore.fileCollection(fileId);
        if (collection != null && !collection.isBlank() && !collection.equals(target)) {
            if (!knowledge.writable(collection, user.id(), user.isAdmin())) {
                throw ApiException.notFound("Knowledge base not found");
            }
            chunks.copyFile(fileId, collection);
            target = collection;
        }
        return new ProcessResult(true, target, done.displayName(), done.content());
    }

    public ProcessResult processText(AuthenticatedUser user, String name, String content, String collection) {
        String target = ownCollection(user, collection == null || collection.isBlank() ? UUID.randomUUID().toString() : collection);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name == null ? "text" : name);
        metadata.put("source", name == null ? "text" : name);
        metadata.put("created_by", user.id());
        String text = Json.stripNul(content);
        indexer.indexText(target, null, text, metadata, (done, total) -> { });
        claim(user, target);
        return new ProcessResult(true, target, name, text);
    }

    /**
     * A collection the caller may (re)write with text of their own: new, or already theirs; never a
     * file's or a knowledge base's. Marks it as theirs.
     */
    public String ownCollection(AuthenticatedUser user, String target) {
        boolean exists = sql.one("SELECT 1 FROM rag_collection WHERE name = $1", Tuple.of(target), r -> 1).isPresent()
                || knowledge.find(target).isPresent() || target.startsWith("file-");
        if (exists && !queries.mayRead(user, target)) {
            throw ApiException.notFound("Collection not found: " + target);
        }
        if (target.startsWith("file-") || knowledge.find(target).isPresent()) {
            throw ApiException.badRequest("Text can only be added to a collection of its own, not to a file or knowledge base");
        }
        return target;
    }

    /** Records the caller as the owner of a collection they just filled (kept if it already had one). */
    public void claim(AuthenticatedUser user, String collection) {
        sql.update("UPDATE rag_collection SET owner_id = coalesce(owner_id, $2) WHERE name = $1", Tuple.of(collection, user.id()));
    }

    public void resetVectors() {
        sql.update("DELETE FROM rag_chunk", Tuple.tuple());
        sql.update("UPDATE rag_collection SET version = version + 1", Tuple.tuple());
    }

    public void resetUploads() {
        files.deleteAll();
    }
}
