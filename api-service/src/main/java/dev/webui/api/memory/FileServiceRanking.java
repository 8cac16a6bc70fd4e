package dev.webui.api.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.fileservice.FileService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks file-service ({@code POST /api/v1/retrieval/rank}, as the user) which texts are most similar
 * in meaning to a query, with the embedding engine the admin configured there. Fails when
 * file-service is unreachable or answers anything but the ranking (not retried: see {@link FileService}).
 */
@ApplicationScoped
public class FileServiceRanking {
    /** One text's place in the ranking: its index in the list sent and its cosine similarity. */
    public record Ranked(int index, double score) {
    }

    private final FileService fileService;
    private final ObjectMapper mapper;

    public FileServiceRanking(FileService fileService, ObjectMapper mapper) {
        this.fileService = fileService;
        this.mapper = mapper;
    }

    /** The k texts most similar to the query, best first. */
    public Uni<List<Ranked>> rank(String authorization, String query, List<String> texts, int k) {
        ObjectNode body = mapper.createObjectNode();
        body.put("query", query);
        body.set("texts", mapper.valueToTree(texts));
        body.put("k", k);
        return fileService.rank(authorization, body).map(answer -> parse(answer.path("results"), texts.size()));
    }

    private static List<Ranked> parse(JsonNode results, int count) {
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
