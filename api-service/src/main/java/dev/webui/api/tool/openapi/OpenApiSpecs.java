package dev.webui.api.tool.openapi;

import dev.webui.api.tool.server.BoundedBody;
import dev.webui.api.tool.server.ToolServerConfig;
import dev.webui.api.tool.server.ToolServerConnection;
import dev.webui.api.toolserver.ToolServerVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI documents of the tool servers, fetched on first use and kept per server. A document
 * is fetched again when the server's entry changes (any field) or when it is older than
 * TOOL_SERVER_SPEC_CACHE_SECONDS. A failed fetch is kept {@value #RETRY_SECONDS} seconds, so a
 * server that is down costs one slow attempt per half minute, not one per Tools list or chat.
 * Concurrent first uses share one fetch.
 */
@ApplicationScoped
public class OpenApiSpecs {
    private static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final int RETRY_SECONDS = 30;

    private record Entry(String fingerprint, long loadedAt, Uni<OpenApiDocument> document, boolean failed) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final long ttlMillis;

    public OpenApiSpecs(ToolServerConfig config) {
        this.timeout = Duration.ofSeconds(Math.max(1, config.specTimeoutSeconds()));
        this.ttlMillis = Math.max(0, config.specCacheSeconds()) * 1000L;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The server's document; fails with a message naming the server when it cannot be had. */
    public Uni<OpenApiDocument> document(ToolServerConnection server, String callerAuthorization) {
        long now = System.currentTimeMillis();
        Entry entry = cache.compute(server.toolId(), (id, old) -> old != null && old.fingerprint().equals(server.fingerprint())
                && now - old.loadedAt() < ttlMillis ? old : new Entry(server.fingerprint(), now, load(server, callerAuthorization), false));
        return entry.document().onFailure().invoke(() -> cache.computeIfPresent(server.toolId(), (id, current) -> current == entry && !entry.failed()
                ? new Entry(entry.fingerprint(), System.currentTimeMillis() - ttlMillis + RETRY_SECONDS * 1000L, entry.document(), true)
                : current));
    }

    private Uni<OpenApiDocument> load(ToolServerConnection server, String callerAuthorization) {
        if ("json".equals(server.specType())) {
            return Uni.createFrom().item(() -> OpenApiDocument.parse(server.spec())).memoize().indefinitely();
        }
        String address = ToolServerVerifier.documentUrl(server.url(), server.path());
        return Uni.createFrom().deferred(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(timeout).header("Accept", "application/json");
            server.authorization(callerAuthorization).ifPresent(value -> request.header("Authorization", value));
            return Uni.createFrom().completionStage(http.sendAsync(request.GET().build(), BoundedBody.handler(MAX_DOCUMENT_BYTES)));
        }).ifNoItem().after(timeout.plusSeconds(1)).fail().map(response -> read(address, response))
                .onFailure(e -> !(e instanceof OpenApiDocument.InvalidDocument))
                .transform(e -> new OpenApiDocument.InvalidDocument("could not fetch " + address + ": " + describe(e)))
                .memoize().indefinitely();
    }

    private static OpenApiDocument read(String address, HttpResponse<BoundedBody> response) {
        if (response.statusCode() != 200) {
            throw new OpenApiDocument.InvalidDocument(address + " answered HTTP " + response.statusCode());
        }
        if (response.body().truncated()) {
            throw new OpenApiDocument.InvalidDocument(address + " sent a document larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return OpenApiDocument.parse(response.body().text());
    }

    static String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("java.") ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
