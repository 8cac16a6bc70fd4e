package dev.webui.files.web.engine;

import dev.webui.files.web.WebException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The engines by their WEB_SEARCH_ENGINE name. */
@ApplicationScoped
public class SearchEngines {
    private final Map<String, SearchEngine> byName;

    public SearchEngines(Instance<SearchEngine> engines) {
        this.byName = engines.stream().collect(Collectors.toMap(SearchEngine::name, Function.identity()));
    }

    public SearchEngine named(String name) {
        if (name == null || name.isBlank()) {
            throw new WebException("No web search engine is configured");
        }
        SearchEngine engine = byName.get(name);
        if (engine == null) {
            throw new WebException("The web search engine '" + name + "' is not supported; use one of " + byName.keySet().stream().sorted().toList());
        }
        return engine;
    }
}
