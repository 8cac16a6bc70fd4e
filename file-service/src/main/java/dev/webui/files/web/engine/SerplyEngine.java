package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** serply.io (SERPLY_API_KEY as X-API-KEY), desktop results from the US; hits by realPosition. */
@ApplicationScoped
public class SerplyEngine implements SearchEngine {
    private final EngineHttp http;

    public SerplyEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "serply";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "SERPLY_API_KEY");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", query);
        params.put("language", "en");
        params.put("num", 10);
        params.put("gl", "US");
        params.put("hl", "us");
        String url = http.endpoint(name(), "https://api.serply.io/v1/search/") + EngineHttp.withQuery("", params).substring(1);
        var answer = http.getJson(name(), url,
                Map.of("X-API-KEY", key, "X-User-Agent", "desktop", "X-Proxy-Location", "US"), settings);
        return Hits.read(Hits.sorted(answer.path("results"), "realPosition", false), "link", "title", "description");
    }
}
