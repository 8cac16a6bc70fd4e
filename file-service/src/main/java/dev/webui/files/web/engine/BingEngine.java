package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Bing Web Search v7 at BING_SEARCH_V7_ENDPOINT (BING_SEARCH_V7_SUBSCRIPTION_KEY), market en-US. */
@ApplicationScoped
public class BingEngine implements SearchEngine {
    private final EngineHttp http;

    public BingEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "bing";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String endpoint = EngineHttp.required(settings, "BING_SEARCH_V7_ENDPOINT");
        String key = settings.text("BING_SEARCH_V7_SUBSCRIPTION_KEY");
        var answer = http.getJson(name(), EngineHttp.withQuery(endpoint, Map.of("q", query, "mkt", "en-US", "count", count)),
                Map.of("Ocp-Apim-Subscription-Key", key), settings);
        return Hits.read(answer.path("webPages").path("value"), "url", "name", "snippet");
    }
}
