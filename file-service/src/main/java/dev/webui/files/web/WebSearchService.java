package dev.webui.files.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.files.db.Json;
import dev.webui.files.processing.Indexer;
import dev.webui.files.retrieval.ProcessService;
import dev.webui.files.retrieval.SettingsService;
import dev.webui.files.web.engine.DomainFilter;
import dev.webui.files.web.engine.SearchEngine;
import dev.webui.files.web.engine.SearchEngines;
import dev.webui.files.web.engine.SearchResult;
import dev.webui.files.web.fetch.WebLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * /retrieval/process/web/search: every query to the engine (WEB_SEARCH_CONCURRENT_REQUESTS at a
 * time), hits filtered by domain and cut to WEB_SEARCH_RESULT_COUNT per query, the pages fetched
 * (or only the snippets, BYPASS_WEB_SEARCH_WEB_LOADER), then embedded into one collection of the
 * caller's, or handed back whole (BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL).
 */
@ApplicationScoped
public class WebSearchService {
    private static final Logger LOG = Logger.getLogger(WebSearchService.class);
    static final int MAX_QUERIES = 10;
    static final int MAX_QUERY_LENGTH = 1000;
    /** Pages loaded per search at most (10 queries × 100 hits would otherwise be 1,000 pages in memory). */
    static final int MAX_PAGES = 50;

    private final SettingsService settings;
    private final SearchEngines engines;
    private final Parallel parallel;
    private final WebLoader loader;
    private final Indexer indexer;
    private final ProcessService processing;

    public WebSearchService(SettingsService settings, SearchEngines engines, Parallel parallel, WebLoader loader,
                            Indexer indexer, ProcessService processing) {
        this.settings = settings;
        this.engines = engines;
        this.parallel = parallel;
        this.loader = loader;
        this.indexer = indexer;
        this.processing = processing;
    }

    public WebSettings current() {
        settings.current();
        return new WebSettings(settings.view());
    }

    public ObjectNode search(AuthenticatedUser user, List<String> queries) {
        List<String> asked = checked(queries);
        WebSettings s = current();
        List<SearchResult> hits = hits(asked, s);
        List<String> urls = new LinkedHashSet<>(hits.stream().map(SearchResult::link).toList()).stream().limit(MAX_PAGES).toList();
        List<WebDocument> docs;
        try {
            docs = s.bypassLoader() ? snippets(hits) : loader.loadAll(urls, s);
        } catch (WebException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<String> loaded = docs.stream().map(WebDocument::source).distinct().toList();
        ArrayNode items = Json.MAPPER.createArrayNode();
        hits.stream().filter(h -> loaded.contains(h.link())).forEach(h -> items.add(Json.MAPPER.valueToTree(h)));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", true);
        if (s.bypassEmbedding()) {
            out.putNull("collection_name");
            out.set("filenames", Json.MAPPER.valueToTree(loaded));
            out.set("items", items);
            ArrayNode list = out.putArray("docs");
            docs.forEach(d -> list.addObject().put("content", d.content()).set("metadata", Json.MAPPER.valueToTree(d.metadata())));
        } else {
            String collection = collectionName(user, asked);
            processing.ownCollection(user, collection);
            indexer.indexDocuments(collection, docs.stream().map(WebDocument::content).toList(),
                    docs.stream().map(d -> withOwner(d.metadata(), user)).toList());
            processing.claim(user, collection);
            out.putArray("collection_names").add(collection);
            out.set("items", items);
            out.set("filenames", Json.MAPPER.valueToTree(loaded));
        }
        out.put("loaded_count", docs.size());
        return out;
    }

    private List<SearchResult> hits(List<String> queries, WebSettings s) {
        SearchEngine engine;
        try {
            engine = engines.named(s.engine());
        } catch (WebException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        int count = s.resultCount();
        List<Parallel.Outcome<List<SearchResult>>> outcomes = parallel.map(queries, s.searchConcurrency(),
                q -> DomainFilter.keep(engine.search(q, count, s), s.domainFilter()).stream().limit(count).toList());
        List<SearchResult> out = new ArrayList<>();
        for (Parallel.Outcome<List<SearchResult>> outcome : outcomes) {
            if (outcome.error() != null) {
                LOG.warnf("Web search with %s failed: %s", engine.name(), outcome.error().getMessage());
                throw ApiException.badRequest(outcome.error().getMessage());
            }
            out.addAll(outcome.value());
        }
        return out;
    }

    private static List<WebDocument> snippets(List<SearchResult> hits) {
        List<WebDocument> out = new ArrayList<>();
        for (SearchResult hit : hits) {
            if (hit.snippet() != null) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("source", hit.link());
                metadata.put("title", hit.title());
                metadata.put("snippet", hit.snippet());
                metadata.put("link", hit.link());
                out.add(new WebDocument(hit.snippet(), metadata));
            }
        }
        return out;
    }

    private static List<String> checked(List<String> queries) {
        if (queries == null || queries.isEmpty()) {
            throw ApiException.badRequest("queries is required");
        }
        if (queries.size() > MAX_QUERIES) {
            throw ApiException.badRequest("At most " + MAX_QUERIES + " queries");
        }
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            if (q == null || q.isBlank() || q.length() > MAX_QUERY_LENGTH) {
                throw ApiException.badRequest("Each query must be 1 to " + MAX_QUERY_LENGTH + " characters");
            }
            out.add(q.strip());
        }
        return out;
    }

    /** Open WebUI's "web-search-" + a hash of the queries, here with the caller's id in the hash so users never share one. */
    static String collectionName(AuthenticatedUser user, List<String> queries) {
        return ("web-search-" + sha256(user.id() + "\n" + String.join("-", queries))).substring(0, 63);
    }

    static Map<String, Object> withOwner(Map<String, Object> metadata, AuthenticatedUser user) {
        Map<String, Object> out = new LinkedHashMap<>(metadata);
        out.put("created_by", user.id());
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
