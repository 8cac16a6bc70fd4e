package dev.webui.files.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.files.db.Json;
import dev.webui.files.processing.Indexer;
import dev.webui.files.retrieval.ProcessService;
import dev.webui.files.web.fetch.WebLoader;
import dev.webui.files.web.fetch.YoutubeTranscripts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /retrieval/process/web: one page fetched and embedded into a collection of the caller's (unless
 * BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL); /process/youtube: YouTube transcripts.
 */
@ApplicationScoped
public class WebPageService {
    private final WebSearchService search;
    private final WebLoader loader;
    private final Indexer indexer;
    private final ProcessService processing;
    private final YoutubeTranscripts youtube;

    public WebPageService(WebSearchService search, WebLoader loader, Indexer indexer, ProcessService processing,
                          YoutubeTranscripts youtube) {
        this.youtube = youtube;
        this.search = search;
        this.loader = loader;
        this.indexer = indexer;
        this.processing = processing;
    }

    public ObjectNode processWeb(AuthenticatedUser user, String url, String collectionName) {
        WebSettings s = search.current();
        WebDocument doc;
        try {
            doc = loader.load(url, s);
        } catch (WebException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String collection = null;
        if (!s.bypassEmbedding()) {
            collection = processing.ownCollection(user, collectionName == null || collectionName.isBlank()
                    ? WebSearchService.sha256(user.id() + "\n" + url).substring(0, 63) : collectionName);
            indexer.indexDocuments(collection, List.of(doc.content()), List.of(WebSearchService.withOwner(doc.metadata(), user)));
            processing.claim(user, collection);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", true);
        out.put("collection_name", collection);
        out.put("filename", url);
        ObjectNode file = out.putObject("file");
        file.putObject("data").put("content", doc.content());
        file.putObject("meta").put("name", url).put("source", url);
        return out;
    }

    /** A YouTube video's transcript, stored like a page (as Open WebUI, never bypassing the embedding). */
    public ObjectNode processYoutube(AuthenticatedUser user, String url, String collectionName) {
        WebSettings s = search.current();
        String content;
        try {
            content = youtube.transcript(url, s);
        } catch (WebException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", url);
        metadata.put("created_by", user.id());
        String collection = processing.ownCollection(user, collectionName == null || collectionName.isBlank()
                ? WebSearchService.sha256(user.id() + "\n" + url).substring(0, 63) : collectionName);
        indexer.indexDocuments(collection, List.of(content), List.of(metadata));
        processing.claim(user, collection);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", true);
        out.put("collection_name", collection);
        out.put("filename", url);
        ObjectNode file = out.putObject("file");
        file.putObject("data").put("content", content);
        file.putObject("meta").put("name", url);
        return out;
    }
}
