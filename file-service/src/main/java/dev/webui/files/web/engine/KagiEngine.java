package dev.webui.files.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;
import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Kagi's search API (KAGI_SEARCH_API_KEY as "Bot" authorization); only its search hits (t = 0). */
@ApplicationScoped
public class KagiEngine implements SearchEngine {
    private final EngineHttp http;

    public KagiEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "kagi";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "KAGI_SEARCH_API_KEY");
        JsonNode answer = http.getJson(name(), EngineHttp.withQuery(http.endpoint(name(), "https://kagi.com/api/v0/search"),
                Map.of("q", query, "limit", count)), Map.of("Authorization", "Bot " + key), settings);
        var hits = Json.MAPPER.createArrayNode();
        answer.path("data").forEach(item -> {
            if (item.path("t").asInt(-1) == 0) {
                hits.add(item);
            }
        });
        return Hits.read(hits, "url", "title", "snippet");
    }
}
