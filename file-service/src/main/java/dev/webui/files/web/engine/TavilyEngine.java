package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Tavily's search API (TAVILY_API_KEY as a bearer token). */
@ApplicationScoped
public class TavilyEngine implements SearchEngine {
    private final EngineHttp http;

    public TavilyEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "tavily";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "TAVILY_API_KEY");
        var answer = http.postJson(name(), http.endpoint(name(), "https://api.tavily.com/search"),
                Map.of("Authorization", "Bearer " + key), Map.of("query", query, "max_results", count), settings);
        return Hits.read(answer.path("results"), "url", "title", "content");
    }
}
