package dev.webui.api.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.rag.FileServiceClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks file-service ({@code POST /api/v1/retrieval/rank}, as the user) which texts are most similar
 * in meaning to a query, with the embedding engine the admin configured there. Fails when
 * file-service is unreachable or answers anything but the ranking.
 */
@ApplicationScoped
public class FileServiceRanking {
    static final String RANK_PATH = "/api/v1/retrieval/rank";

    /** One text's place in the ranking: its index in the list sent and its cosine similarity. */
    public record Ranked(int index, double score) {
    }

    private final FileServiceClient fileService;
    private final ObjectMapper mapper;

    public FileServiceRanking(FileServiceClient fileService, ObjectMapper mapper) {
        this.fileService = fileService;
        this.mapper = mapper;
    }

    /** The k texts most similar to the query, best first. */
    public Uni<List<Ranked>> rank(String authorization, String query, List<String> texts, int k) {
        ObjectNode body = mapper.createObjectNode();
        body.put("query", query);
        body.set("texts", mapper.valueToTree(texts));
        body.put("k", k);
        Future<List<Ranked>> ranked = fileService.post(RANK_PATH, authorization, body.toString())
                .compose(answer -> answer.status() == 200 ? Future.succeededFuture(parse(answer.body(), texts.size()))
                        : Future.failedFuture(new IllegalStateException("file-service answered " + answer.status()
                                + ": " + answer.body())));
        return Uni.createFrom().completionStage(ranked.toCompletionStage());
    }

    private List<Ranked> parse(Buffer bytes, int count) {
        JsonNode results;
        try {
            results = mapper.readTree(bytes.getBytes()).path("results");
        } catch (Exception e) {
            throw new IllegalStateException("file-service answered something that is not JSON");
        }
        List<Ranked> ranked = new ArrayList<>();
        for (JsonNode result : results) {
            int index = result.path("index").asInt(-1);
            if (index < 0 || index >= count) {
                throw new IllegalStateException("file-service ranked a text that was not sent (" + index + ")");
            }
            ranked.add(new Ranked(index, result.path("score").asDouble()));
        }
        return ranked;
    }
}
