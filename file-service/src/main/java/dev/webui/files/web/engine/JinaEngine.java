package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Jina's search (s.jina.ai), JINA_API_KEY as the Authorization header; at most 10 hits. */
@ApplicationScoped
public class JinaEngine implements SearchEngine {
    private final EngineHttp http;

    public JinaEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "jina";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        var answer = http.postJson(name(), http.endpoint(name(), "https://s.jina.ai/"),
                Map.of("Authorization", settings.text("JINA_API_KEY"), "X-Retain-Images", "none"),
                Map.of("q", query, "count", Math.min(count, 10)), settings);
        return Hits.read(answer.path("data"), "url", "title", "content");
    }
}
