package dev.webui.files.web.engine;

/** One hit of a search engine, as Open WebUI keeps it ({@code link, title, snippet}). */
public record SearchResult(String link, String title, String snippet) {
}
