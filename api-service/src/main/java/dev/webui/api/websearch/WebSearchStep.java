package dev.webui.api.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.rag.RetrievalClient;
import dev.webui.api.completion.step.PayloadStep;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.fileservice.FileService;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web search in a chat ({@code features.web_search} with ENABLE_WEB_SEARCH on), as Open WebUI
 * runs it: queries from the task model, file-service's /process/web/search as the user, then the
 * per-user collection searched with the last message (or the whole pages when the embedding is
 * bypassed). The results join the sources, one per page so each page has its own citation number.
 * Status events have Open WebUI's shapes; a failure is reported and the answer goes on without them.
 */
@ApplicationScoped
public class WebSearchStep implements PayloadStep {
    private static final Logger LOG = Logger.getLogger(WebSearchStep.class);
    static final String ACTION = "web_search";

    private final SettingsStore settings;
    private final SearchQueries queries;
    private final FileService fileService;
    private final RetrievalClient retrieval;

    public WebSearchStep(SettingsStore settings, SearchQueries queries, FileService fileService, RetrievalClient retrieval) {
        this.settings = settings;
        this.queries = queries;
        this.fileService = fileService;
        this.retrieval = retrieval;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean wanted(StepContext context) {
        return context.feature("web_search") && settings.bool(Settings.ENABLE_WEB_SEARCH);
    }

    @Override
    public Uni<Void> run(StepContext context) {
        context.status(ACTION, "Searching the web", false);
        JsonNode messages = context.request().body().path("messages");
        return queries.of(context.user(), context.request().model(), messages).chain(list -> {
            if (list.isEmpty()) {
                context.status(ACTION, "No search query generated", true);
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> generated = new LinkedHashMap<>();
            generated.put("action", "web_search_queries_generated");
            generated.put("queries", list);
            generated.put("done", false);
            context.events().emit("status", generated);
            if (context.stopped().getAsBoolean()) {
                return Uni.createFrom().voidItem();
            }
            return search(context, list, SearchQueries.lastUserMessage(messages));
        });
    }

    private Uni<Void> search(StepContext context, List<String> list, String question) {
        ObjectNode body = context.payload().objectNode();
        ArrayNode asked = body.putArray("queries");
        list.forEach(asked::add);
        return fileService.processWebSearch(context.authorization(), body)
                .chain(results -> sources(context, list, question, results).invoke(found -> {
                    context.sources().addAll(found);
                    reportSearched(context, results, results.path("filenames").isEmpty());
                }))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Web search failed: %s", e.getMessage());
                    Map<String, Object> status = new LinkedHashMap<>();
                    status.put("action", ACTION);
                    status.put("description", "An error occurred while searching the web");
                    status.put("queries", list);
                    status.put("done", true);
                    status.put("error", true);
                    // ours: the reason, for clients that show it (Open WebUI's UI shows the description)
                    status.put("detail", e.getMessage());
                    context.events().emit("status", status);
                    return null;
                });
    }

    private void reportSearched(StepContext context, JsonNode results, boolean nothing) {
        if (nothing) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("action", ACTION);
            status.put("description", "No search results found");
            status.put("done", true);
            status.put("error", true);
            context.events().emit("status", status);
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("action", ACTION);
        status.put("description", "Searched {{count}} sites");
        status.put("urls", results.path("filenames"));
        status.put("items", results.path("items"));
        status.put("done", true);
        context.events().emit("status", status);
    }

    /** The search's sources: retrieved from its collection, or its whole pages; one source per page. */
    private Uni<List<ObjectNode>> sources(StepContext context, List<String> list, String question, JsonNode results) {
        ObjectNode item = context.payload().objectNode();
        item.put("name", String.join(", ", list));
        item.put("type", ACTION);
        item.set("urls", results.path("filenames").deepCopy());
        ArrayNode asked = item.putArray("queries");
        list.forEach(asked::add);
        JsonNode collections = results.path("collection_names");
        if (collections.isArray() && !collections.isEmpty()) {
            ArrayNode files = context.payload().arrayNode();
            collections.forEach(name -> files.add(item.deepCopy().put("collection_name", name.asText())));
            return Uni.createFrom().completionStage(() -> retrieval.retrieve(context.authorization(), files, question))
                    .map(found -> {
                        if (found.failure() != null) {
                            throw new IllegalStateException(found.failure());
                        }
                        return perPage(context, found.sources());
                    });
        }
        JsonNode docs = results.path("docs");
        if (!docs.isArray() || docs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ObjectNode whole = context.payload().objectNode();
        whole.set("source", item);
        ArrayNode documents = whole.putArray("document");
        ArrayNode metadata = whole.putArray("metadata");
        docs.forEach(doc -> {
            documents.add(doc.path("content").asText(""));
            metadata.add(doc.path("metadata").deepCopy());
        });
        return Uni.createFrom().item(perPage(context, List.of(whole)));
    }

    /** Splits sources by page (metadata.source), so each page is numbered on its own, as Open WebUI numbers citations. */
    static List<ObjectNode> perPage(StepContext context, List<ObjectNode> sources) {
        Map<String, ObjectNode> pages = new LinkedHashMap<>();
        for (ObjectNode source : sources) {
            JsonNode documents = source.path("document");
            for (int i = 0; i < documents.size(); i++) {
                JsonNode metadata = source.path("metadata").path(i);
                String url = metadata.path("source").asText("");
                ObjectNode page = pages.computeIfAbsent(url, u -> {
                    ObjectNode created = context.payload().objectNode();
                    ObjectNode described = source.path("source").deepCopy();
                    described.put("name", metadata.path("title").asText(u));
                    described.put("url", u);
                    created.set("source", described);
                    created.putArray("document");
                    created.putArray("metadata");
                    if (source.has("distances")) {
                        created.putArray("distances");
                    }
                    return created;
                });
                ((ArrayNode) page.get("document")).add(documents.get(i));
                ((ArrayNode) page.get("metadata")).add(metadata.deepCopy());
                if (page.has("distances")) {
                    ((ArrayNode) page.get("distances")).add(source.path("distances").path(i));
                }
            }
        }
        return List.copyOf(pages.values());
    }
}
