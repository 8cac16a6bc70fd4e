package dev.webui.files.web.fetch;

import dev.webui.files.web.Parallel;
import dev.webui.files.web.WebDocument;
import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/** Fetches and extracts pages, WEB_LOADER_CONCURRENT_REQUESTS at a time. */
@ApplicationScoped
public class WebLoader {
    private static final Logger LOG = Logger.getLogger(WebLoader.class);

    private final PageFetcher fetcher;
    private final Parallel parallel;

    public WebLoader(PageFetcher fetcher, Parallel parallel) {
        this.fetcher = fetcher;
        this.parallel = parallel;
    }

    /** One page; a refusal or failure is thrown with its reason. */
    public WebDocument load(String url, WebSettings settings) {
        return PageText.extract(fetcher.fetch(url, settings));
    }

    /** The pages that could be loaded, in the order given; the others are logged and left out (as Open WebUI does). */
    public List<WebDocument> loadAll(List<String> urls, WebSettings settings) {
        List<WebDocument> out = new ArrayList<>();
        List<Parallel.Outcome<WebDocument>> outcomes = parallel.map(urls, settings.loaderConcurrency(), url -> load(url, settings));
        for (int i = 0; i < urls.size(); i++) {
            Parallel.Outcome<WebDocument> outcome = outcomes.get(i);
            if (outcome.error() != null) {
                LOG.infof("Web page %s left out: %s", urls.get(i), outcome.error().getMessage());
            } else if (!outcome.value().content().isBlank()) {
                out.add(outcome.value());
            }
        }
        return out;
    }
}
