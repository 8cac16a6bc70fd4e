package dev.webui.api.completion.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks file-service for the chunks of the files and knowledge bases attached to a message, as the
 * user (their Authorization header is forwarded, so file-service's access rules apply). One query
 * per attached item so each source names the item it came from; items the user may not read come
 * back empty. A query that fails (after one retry on 5xx or a connection error) leaves the answer
 * without that item's context and is reported as {@link RetrievedContext#failure()}.
 */
@ApplicationScoped
public class RetrievalClient {
    private static final Logger LOG = Logger.getLogger(RetrievalClient.class);
    static final String QUERY_PATH = "/api/v1/retrieval/query/collection";

    private final FileServiceClient fileService;
    private final ObjectMapper mapper;

    public RetrievalClient(FileServiceClient fileService, ObjectMapper mapper) {
        this.fileService = fileService;
        this.mapper = mapper;
    }

    /** @param files the completion's {@code files}; null or empty → {@link RetrievedContext#NONE} */
    public Future<RetrievedContext> retrieve(String authorization, JsonNode files, String query) {
        List<ObjectNode> items = new ArrayList<>();
        if (files != null && files.isArray()) {
            files.forEach(item -> {
                if (item instanceof ObjectNode object && collection(object) != null) {
                    items.add(object);
                }
            });
        }
        if (items.isEmpty()) {
            return Future.succeededFuture(RetrievedContext.NONE);
        }
        List<Future<ObjectNode>> queries = items.stream().map(item -> queryWithRetry(authorization, item, query)).toList();
        return Future.join(queries).transform(ignored -> {
            List<ObjectNode> sources = new ArrayList<>();
            String failure = null;
            for (Future<ObjectNode> result : queries) {
                if (result.succeeded()) {
                    if (result.result() != null) {
                        sources.add(result.result());
                    }
                } else if (failure == null) {
                    failure = result.cause().getMessage();
                }
            }
            return Future.succeededFuture(new RetrievedContext(sources, failure));
        });
    }

    /** Open WebUI's naming: a knowledge base is its own collection, a file is "file-{id}". */
    static String collection(ObjectNode item) {
        String id = item.path("id").asText(item.path("file").path("id").asText(""));
        if (id.isBlank()) {
            return null;
        }
        return "collection".equals(item.path("type").asText()) ? id : "file-" + id;
    }

    private Future<ObjectNode> queryWithRetry(String authorization, ObjectNode item, String query) {
        return query(authorization, item, query).recover(e -> e instanceof Refused ? Future.failedFuture(e)
                : query(authorization, item, query));
    }

    private Future<ObjectNode> query(String authorization, ObjectNode item, String query) {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("collection_names").add(collection(item));
        body.put("query", query);
        return fileService.post(QUERY_PATH, authorization, body.toString())
                .compose(answer -> {
                    int status = answer.status();
                    if (status == 200) {
                        return Future.succeededFuture(source(item, answer.body()));
                    }
                    String detail = "file-service answered " + status;
                    LOG.warnf("Retrieval for %s: %s", collection(item), detail);
                    return Future.failedFuture(status >= 500 ? new RuntimeException(detail) : new Refused(detail));
                })
                .recover(e -> Future.failedFuture(e instanceof Refused || e.getMessage() != null && e.getMessage().startsWith("file-service")
                        ? e : new RuntimeException("file-service is unreachable (" + e.getMessage() + ")")));
    }

    /** The spec's source object, or null when the item gave no chunk. */
    private ObjectNode source(ObjectNode item, Buffer bytes) {
        JsonNode json;
        try {
            json = mapper.readTree(bytes.getBytes());
        } catch (Exception e) {
            throw new Refused("file-service answered something that is not JSON");
        }
        JsonNode documents = json.path("documents").path(0);
        if (!documents.isArray() || documents.isEmpty()) {
            return null;
        }
        ObjectNode source = mapper.createObjectNode();
        ObjectNode described = source.putObject("source");
        described.put("id", item.path("id").asText(item.path("file").path("id").asText()));
        described.put("name", item.path("name").asText(json.path("metadatas").path(0).path(0).path("name").asText("")));
        described.put("type", item.path("type").asText("file"));
        source.set("document", documents.deepCopy());
        source.set("metadata", json.path("metadatas").path(0).isArray() ? json.path("metadatas").path(0).deepCopy() : mapper.createArrayNode());
        if (json.path("distances").path(0).isArray()) {
            source.set("distances", json.path("distances").path(0).deepCopy());
        }
        return source;
    }

    /** A definite answer (4xx, bad body): retrying would not change it. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
