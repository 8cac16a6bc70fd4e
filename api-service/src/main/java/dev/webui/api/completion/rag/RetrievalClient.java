package dev.webui.api.completion.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.calls.ServiceRefused;
import dev.webui.api.fileservice.FileService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks file-service for the chunks of the files and knowledge bases attached to a message, as the
 * user (their Authorization header is forwarded, so file-service's access rules apply). One query
 * per attached item so each source names the item it came from; items the user may not read come
 * back empty. A query that fails (after the retry {@link FileService} allows) leaves the answer
 * without that item's context and is reported as {@link RetrievedContext#failure()}.
 */
@ApplicationScoped
public class RetrievalClient {
    private static final Logger LOG = Logger.getLogger(RetrievalClient.class);

    /** One item's outcome: its source (null when it gave no chunk) or why it failed. */
    private record Attempt(ObjectNode source, String failure) {
    }

    private final FileService fileService;
    private final ObjectMapper mapper;

    public RetrievalClient(FileService fileService, ObjectMapper mapper) {
        this.fileService = fileService;
        this.mapper = mapper;
    }

    /**
     * Starts the queries at once (they run while the caller prepares the rest of the prompt).
     *
     * @param files the completion's {@code files}; null or empty → {@link RetrievedContext#NONE}
     */
    public CompletionStage<RetrievedContext> retrieve(String authorization, JsonNode files, String query) {
        List<Uni<Attempt>> queries = new ArrayList<>();
        if (files != null && files.isArray()) {
            files.forEach(item -> {
                if (!(item instanceof ObjectNode object)) {
                    return;
                }
                String text = inlineText(object);
                if (text != null) {
                    queries.add(Uni.createFrom().item(new Attempt(inline(object, text), null)));
                } else if (collection(object) != null) {
                    queries.add(query(authorization, object, query));
                }
            });
        }
        if (queries.isEmpty()) {
            return CompletableFuture.completedFuture(RetrievedContext.NONE);
        }
        return Uni.join().all(queries).andFailFast().map(attempts -> {
            List<ObjectNode> sources = new ArrayList<>();
            String failure = null;
            for (Attempt attempt : attempts) {
                if (attempt.source() != null) {
                    sources.add(attempt.source());
                } else if (attempt.failure() != null && failure == null) {
                    failure = attempt.failure();
                }
            }
            return new RetrievedContext(sources, failure);
        }).subscribeAsCompletionStage();
    }

    /**
     * Open WebUI's naming: a knowledge base is its own collection, a file is "file-{id}"; an item
     * without an id names its collection itself (a web page, a web search's results).
     */
    static String collection(ObjectNode item) {
        String id = item.path("id").asText(item.path("file").path("id").asText(""));
        if (id.isBlank()) {
            String named = item.path("collection_name").asText("");
            return named.isBlank() ? null : named;
        }
        return "collection".equals(item.path("type").asText()) ? id : "file-" + id;
    }

    /**
     * The text a {@code "text"} item carries itself (a web page or a YouTube transcript attached without
     * embedding, a temporary chat's file), used whole as Open WebUI does: always with {@code context: "full"},
     * otherwise when the item names no collection to search. Null for every other item.
     */
    static String inlineText(ObjectNode item) {
        if (!"text".equals(item.path("type").asText())) {
            return null;
        }
        JsonNode content = item.path("file").path("data").path("content");
        if (!content.isTextual() || content.textValue().isBlank()) {
            return null;
        }
        boolean full = "full".equals(item.path("context").asText());
        return full || item.path("collection_name").asText("").isBlank() ? content.textValue() : null;
    }

    private ObjectNode inline(ObjectNode item, String text) {
        ObjectNode source = mapper.createObjectNode();
        source.set("source", item.deepCopy().without(List.of("file", "docs")));
        source.putArray("document").add(text);
        JsonNode meta = item.path("file").path("meta");
        source.putArray("metadata").add(meta.isObject() ? meta.deepCopy() : mapper.createObjectNode());
        return source;
    }

    private Uni<Attempt> query(String authorization, ObjectNode item, String query) {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("collection_names").add(collection(item));
        body.put("query", query);
        return fileService.queryCollection(authorization, body)
                .map(answer -> new Attempt(source(item, answer), null))
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof ServiceRefused) {
                        LOG.warnf("Retrieval for %s: %s", collection(item), e.getMessage());
                    } else {
                        LOG.warnf(e, "Retrieval for %s failed", collection(item));
                    }
                    return new Attempt(null, e.getMessage());
                });
    }

    /** The spec's source object, or null when the item gave no chunk. */
    private ObjectNode source(ObjectNode item, JsonNode json) {
        JsonNode documents = json.path("documents").path(0);
        if (!documents.isArray() || documents.isEmpty()) {
            return null;
        }
        ObjectNode source = mapper.createObjectNode();
        if (item.path("id").asText(item.path("file").path("id").asText("")).isBlank()) {
            // as Open WebUI: the item itself describes the source (its name, urls and queries), without its content
            source.set("source", item.deepCopy().without(List.of("file", "docs")));
        } else {
            ObjectNode described = source.putObject("source");
            described.put("id", item.path("id").asText(item.path("file").path("id").asText()));
            described.put("name", item.path("name").asText(json.path("metadatas").path(0).path(0).path("name").asText("")));
            described.put("type", item.path("type").asText("file"));
        }
        source.set("document", documents.deepCopy());
        source.set("metadata", json.path("metadatas").path(0).isArray() ? json.path("metadatas").path(0).deepCopy() : mapper.createArrayNode());
        if (json.path("distances").path(0).isArray()) {
            source.set("distances", json.path("distances").path(0).deepCopy());
        }
        return source;
    }
}
