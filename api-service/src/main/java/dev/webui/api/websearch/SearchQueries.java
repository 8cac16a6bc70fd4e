package dev.webui.api.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.task.TaskGenerator;
import dev.webui.api.task.TaskKind;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The queries a web search runs, as Open WebUI picks them: the task model's answer to the query
 * prompt (QUERY_GENERATION_PROMPT_TEMPLATE) when ENABLE_SEARCH_QUERY_GENERATION is on; the user's
 * last message when it is off, when the model fails or answers nothing usable, or when it
 * answers a single blank query.
 */
@ApplicationScoped
public class SearchQueries {
    private static final Logger LOG = Logger.getLogger(SearchQueries.class);

    private final TaskGenerator generator;

    public SearchQueries(TaskGenerator generator) {
        this.generator = generator;
    }

    public Uni<List<String>> of(AuthenticatedUser user, String modelId, JsonNode messages) {
        String last = lastUserMessage(messages);
        if (!generator.enabled(TaskKind.QUERIES)) {
            return Uni.createFrom().item(fallback(last));
        }
        return generator.value(user, TaskKind.QUERIES, modelId, messages)
                .map(value -> {
                    List<String> queries = new ArrayList<>();
                    if (value != null && value.isArray()) {
                        value.forEach(q -> queries.add(q.asText("")));
                    } else if (value != null && value.isTextual()) {
                        queries.add(value.asText());
                    } else {
                        return fallback(last);
                    }
                    if (queries.size() == 1 && queries.get(0).isBlank()) {
                        return fallback(last);
                    }
                    return queries.stream().filter(q -> !q.isBlank()).map(String::strip).toList();
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Search query generation failed, searching the message itself: %s", e.getMessage());
                    return fallback(last);
                });
    }

    private static List<String> fallback(String last) {
        return last.isBlank() ? List.of() : List.of(last);
    }

    /** The text of the last user message (its text parts when it has images). */
    static String lastUserMessage(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return "";
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                if (content.isArray()) {
                    StringBuilder text = new StringBuilder();
                    content.forEach(part -> {
                        if ("text".equals(part.path("type").asText())) {
                            text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
                        }
                    });
                    return text.toString();
                }
                return content.asText("");
            }
        }
        return "";
    }
}
