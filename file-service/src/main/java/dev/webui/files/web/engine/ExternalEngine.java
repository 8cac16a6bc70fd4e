package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * An admin's own search service at EXTERNAL_WEB_SEARCH_URL: POST {@code {query, count}} with
 * EXTERNAL_WEB_SEARCH_API_KEY as a bearer token, answered by a JSON array of {@code {link, title, snippet}}.
 */
@ApplicationScoped
public class ExternalEngine implements SearchEngine {
    private final EngineHttp http;

    public ExternalEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String url = EngineHttp.required(settings, "EXTERNAL_WEB_SEARCH_URL");
        var answer = http.postJson(name(), url, Map.of("Authorization", "Bearer " + settings.text("EXTERNAL_WEB_SEARCH_API_KEY")),
                Map.of("query", query, "count", count), settings);
        return Hits.read(answer, "link", "title", "snippet");
    }
}
