package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** searchapi.io (SEARCHAPI_API_KEY, SEARCHAPI_ENGINE, google by default); organic hits by position. */
@ApplicationScoped
public class SearchApiEngine implements SearchEngine {
    private final EngineHttp http;

    public SearchApiEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "searchapi";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "SEARCHAPI_API_KEY");
        String engine = settings.text("SEARCHAPI_ENGINE").isEmpty() ? "google" : settings.text("SEARCHAPI_ENGINE");
        String url = EngineHttp.withQuery(http.endpoint(name(), "https://www.searchapi.io/api/v1/search"),
                Map.of("engine", engine, "q", query, "api_key", key));
        var answer = http.getJson(name(), url, Map.of(), settings);
        return Hits.read(Hits.sorted(answer.path("organic_results"), "position", false), "link", "title", "snippet");
    }
}
