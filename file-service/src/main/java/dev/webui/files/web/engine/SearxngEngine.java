package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SearXNG's JSON API at SEARXNG_QUERY_URL (a "?q=<query>" template is cut at its "?"); hits by score. */
@ApplicationScoped
public class SearxngEngine implements SearchEngine {
    private final EngineHttp http;

    public SearxngEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "searxng";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String url = EngineHttp.required(settings, "SEARXNG_QUERY_URL");
        if (url.contains("<query>")) {
            url = url.substring(0, url.indexOf('?') < 0 ? url.length() : url.indexOf('?'));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", query);
        params.put("format", "json");
        params.put("pageno", 1);
        params.put("safesearch", 1);
        params.put("language", "en-US");
        params.put("time_range", "");
        params.put("categories", "");
        params.put("theme", "simple");
        params.put("image_proxy", 0);
        var answer = http.getJson(name(), EngineHttp.withQuery(url, params), Map.of(), settings);
        return Hits.read(Hits.sorted(answer.path("results"), "score", true), "url", "title", "content");
    }
}
