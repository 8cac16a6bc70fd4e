package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exa (EXA_API_KEY as a bearer token); the domain filter list is passed on as includeDomains. */
@ApplicationScoped
public class ExaEngine implements SearchEngine {
    private final EngineHttp http;

    public ExaEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "exa";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "EXA_API_KEY");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("numResults", count);
        if (!settings.domainFilter().isEmpty()) {
            body.put("includeDomains", settings.domainFilter());
        }
        body.put("contents", Map.of("text", true, "highlights", true));
        body.put("type", "auto");
        var answer = http.postJson(name(), http.endpoint(name(), "https://api.exa.ai") + "/search",
                Map.of("Authorization", "Bearer " + key), body, settings);
        return Hits.read(answer.path("results"), "url", "title", "text");
    }
}
