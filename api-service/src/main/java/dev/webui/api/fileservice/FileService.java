package dev.webui.api.fileservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.calls.ServiceErrors;
import dev.webui.api.calls.ServiceGuards;
import dev.webui.api.completion.rag.RetrievalConfig;
import dev.webui.common.http.RequestIds;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * file-service (FILE_SERVICE_URL), called as the user. FILE_SERVICE_TIMEOUT_SECONDS bounds each
 * attempt. A collection query reads only and is asked again once when file-service is unavailable;
 * a ranking is not, since every attempt embeds all the texts again at the embedding provider and its
 * caller has a cheaper fallback; an upload is not asked again either. Failures are {@link dev.webui.api.calls.ServiceRefused} or
 * {@link dev.webui.api.calls.ServiceUnavailable}. The request id is read when the call starts: a
 * retry may run on a thread that does not carry the logging context.
 */
@ApplicationScoped
public class FileService {
    static final String NAME = "file-service";

    private final FileServiceApi api;
    private final WebSearchApi webSearch;
    private final Guard queries;
    private final Guard rankings;
    private final Guard uploads;
    private final Guard webSearches;

    public FileService(RetrievalConfig config, WebSearchConfig web) {
        Duration timeout = Duration.ofSeconds(Math.max(config.timeoutSeconds(), web.timeoutSeconds()));
        String base = config.fileServiceUrl().replaceAll("/+$", "");
        this.api = client(base, timeout, ServiceErrors.class, FileServiceApi.class);
        this.webSearch = client(base, timeout, DetailedErrors.class, WebSearchApi.class);
        this.queries = ServiceGuards.repeatable(NAME, Duration.ofSeconds(config.timeoutSeconds()));
        this.rankings = ServiceGuards.once(NAME, Duration.ofSeconds(config.timeoutSeconds()));
        this.uploads = ServiceGuards.once(NAME, Duration.ofSeconds(config.timeoutSeconds()));
        // a search fetches and embeds pages: slower than a query, and not repeated (it costs the engine a call)
        this.webSearches = ServiceGuards.once(NAME, Duration.ofSeconds(web.timeoutSeconds()));
    }

    private static <T> T client(String base, Duration timeout, Class<?> errors, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                // the guard's timeout bounds each attempt; these only close connections left behind
                .connectTimeout(2 * timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(2 * timeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(errors)
                .build(api);
    }

    @PreDestroy
    void close() throws IOException {
        for (Object client : new Object[]{api, webSearch}) {
            if (client instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }

    public Uni<JsonNode> queryCollection(String authorization, JsonNode body) {
        String requestId = RequestIds.current();
        return ServiceGuards.call(queries, NAME, () -> api.queryCollection(authorization, requestId, body));
    }

    /** Stores bytes as a file of the caller, unprocessed; asked once (a second attempt could store it twice). */
    public Uni<JsonNode> upload(String authorization, String fileName, String contentType, byte[] content, String metadataJson) {
        String requestId = RequestIds.current();
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("file", fileName, Buffer.buffer(content), contentType);
        if (metadataJson != null) {
            form.attribute("metadata", metadataJson, null);
        }
        return ServiceGuards.call(uploads, NAME, () -> api.upload(authorization, requestId, false, form));
    }

    /** A web search as the caller (docs/web-search.md); asked once: it costs the engine a call. */
    public Uni<JsonNode> processWebSearch(String authorization, JsonNode body) {
        String requestId = RequestIds.current();
        return ServiceGuards.call(webSearches, NAME, () -> webSearch.processWebSearch(authorization, requestId, body));
    }

    public Uni<JsonNode> rank(String authorization, JsonNode body) {
        String requestId = RequestIds.current();
        return ServiceGuards.call(rankings, NAME, () -> api.rank(authorization, requestId, body));
    }
}
