package dev.webui.files.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Perplexity's sonar models (PERPLEXITY_API_KEY, PERPLEXITY_MODEL, PERPLEXITY_SEARCH_CONTEXT_USAGE):
 * the answer's citations are the hits, "Source n", the first one carrying the model's answer.
 */
@ApplicationScoped
public class PerplexityEngine implements SearchEngine {
    private final EngineHttp http;

    public PerplexityEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "perplexity";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "PERPLEXITY_API_KEY");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.text("PERPLEXITY_MODEL").isEmpty() ? "sonar" : settings.text("PERPLEXITY_MODEL"));
        body.put("messages", List.of(
                Map.of("role", "system", "content", "You are a search assistant. Answer with facts and cite your sources."),
                Map.of("role", "user", "content", query)));
        body.put("temperature", 0.2);
        body.put("stream", false);
        String usage = settings.text("PERPLEXITY_SEARCH_CONTEXT_USAGE");
        body.put("web_search_options", Map.of("search_context_usage", usage.isEmpty() ? "medium" : usage));
        JsonNode answer = http.postJson(name(), http.endpoint(name(), "https://api.perplexity.ai/chat/completions"),
                Map.of("Authorization", "Bearer " + key), body, settings);
        String content = answer.path("choices").path(0).path("message").path("content").asText("");
        List<SearchResult> out = new ArrayList<>();
        JsonNode citations = answer.path("citations");
        for (int i = 0; i < citations.size() && out.size() < count; i++) {
            out.add(new SearchResult(citations.get(i).asText(), "Source " + (i + 1), i == 0 ? content : ""));
        }
        return out;
    }
}
