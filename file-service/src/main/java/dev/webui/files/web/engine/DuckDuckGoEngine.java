package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DuckDuckGo's HTML results page (no key), read with jsoup; its redirect links ("/l/?uddg=...")
 * are unwrapped to the target URL.
 */
@ApplicationScoped
public class DuckDuckGoEngine implements SearchEngine {
    private final EngineHttp http;

    public DuckDuckGoEngine(EngineHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "duckduckgo";
    }

    @Override
    public List<SearchResult> search(String query, int count, WebSettings settings) {
        String base = http.endpoint(name(), "https://html.duckduckgo.com/html/");
        String html = http.text(name(), HttpMethod.GET, EngineHttp.withQuery(base, Map.of("q", query, "kp", "-1")),
                Map.of("Accept", "text/html"), null, settings);
        Document page = Jsoup.parse(html, base);
        List<SearchResult> out = new ArrayList<>();
        for (Element result : page.select(".result")) {
            Element link = result.selectFirst("a.result__a");
            if (link == null || result.hasClass("result--ad")) {
                continue;
            }
            String target = unwrap(link.absUrl("href"));
            if (!target.isBlank()) {
                Element snippet = result.selectFirst(".result__snippet");
                out.add(new SearchResult(target, link.text(), snippet == null ? null : snippet.text()));
            }
            if (out.size() >= count) {
                break;
            }
        }
        return out;
    }

    static String unwrap(String href) {
        try {
            String query = URI.create(href).getRawQuery();
            if (query != null && href.contains("/l/")) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("uddg=")) {
                        return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return "";
        }
        return href;
    }
}
