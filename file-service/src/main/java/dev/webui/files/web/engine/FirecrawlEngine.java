package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Firecrawl's /v1/search at FIRECRAWL_API_BASE_URL (FIRECRAWL_API_KEY as a bearer token). */
@ApplicationScoped
public class FirecrawlEngine implements SearchEngine {
    private final EngineHttp http;

    public FirecrawlEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "firecrawl";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String base = EngineHttp.required(settings, "FIRECRAWL_API_BASE_URL").replaceAll("/+$", "");
        var answer = http.postJson(name(), base + "/v1/search", Map.of("Authorization", "Bearer " + settings.text("FIRECRAWL_API_KEY")),
                Map.of("query", query, "limit", count), settings);
        return Hits.read(answer.path("data"), "url", "title", "description");
    }
}
