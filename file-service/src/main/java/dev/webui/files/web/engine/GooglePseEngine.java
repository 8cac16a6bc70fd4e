package dev.webui.files.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Google Programmable Search (GOOGLE_PSE_API_KEY, GOOGLE_PSE_ENGINE_ID): pages of 10 until the count is reached. */
@ApplicationScoped
public class GooglePseEngine implements SearchEngine {
    private final EngineHttp http;

    public GooglePseEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "google_pse";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String key = EngineHttp.required(settings, "GOOGLE_PSE_API_KEY");
        String cx = EngineHttp.required(settings, "GOOGLE_PSE_ENGINE_ID");
        List<SearchResult> out = new ArrayList<>();
        for (int start = 1; out.size() < count && start <= 91; start += 10) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("cx", cx);
            params.put("q", query);
            params.put("key", key);
            params.put("num", Math.min(10, count - out.size()));
            params.put("start", start);
            JsonNode answer = http.getJson(name(), EngineHttp.withQuery(http.endpoint(name(), "https://www.googleapis.com/customsearch/v1"), params),
                    Map.of(), settings);
            List<SearchResult> page = Hits.read(answer.path("items"), "link", "title", "snippet");
            if (page.isEmpty()) {
                break;
            }
            out.addAll(page);
        }
        return out;
    }
}
