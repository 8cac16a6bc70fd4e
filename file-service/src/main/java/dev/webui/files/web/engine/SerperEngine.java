package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** serper.dev (SERPER_API_KEY as X-API-KEY); organic hits by position. */
@ApplicationScoped
public class SerperEngine implements SearchEngine {
    private final EngineHttp http;

    public SerperEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "serper";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "SERPER_API_KEY");
        var answer = http.postJson(name(), http.endpoint(name(), "https://google.serper.dev/search"),
                Map.of("X-API-KEY", key), Map.of("q", query), settings);
        return Hits.read(Hits.sorted(answer.path("organic"), "position", false), "link", "title", "description");
    }
}
