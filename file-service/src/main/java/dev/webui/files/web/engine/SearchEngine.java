package dev.webui.files.web.engine;

import dev.webui.files.web.WebSettings;

import java.util.List;

/**
 * One search engine of the Web Search page (WEB_SEARCH_ENGINE = {@link #name()}). Returns the
 * engine's hits best first, at most about {@code count}; the caller filters domains and trims.
 * Throws {@link dev.webui.files.web.WebException} naming what is missing or what the engine said.
 */
public interface SearchEngine {
    String name();

    List<SearchResult> search(String query, int count, WebSettings settings);
}
