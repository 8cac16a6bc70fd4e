package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Brave Search API (BRAVE_SEARCH_API_KEY as X-Subscription-Token). */
@ApplicationScoped
public class BraveEngine implements SearchEngine {
    private final EngineHttp http;

    public BraveEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "brave";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "BRAVE_SEARCH_API_KEY");
        String url = EngineHttp.withQuery(http.endpoint(name(), "https://api.search.brave.com/res/v1/web/search"),
                Map.of("q", query, "count", Math.min(count, 20)));
        var answer = http.getJson(name(), url, Map.of("X-Subscription-Token", key), settings);
        return Hits.read(answer.path("web").path("results"), "url", "title", "description");
    }
}
