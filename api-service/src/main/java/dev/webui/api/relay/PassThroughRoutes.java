package dev.webui.api.relay;

import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiSettings;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Set;

/**
 * {@code GET|POST|PUT|DELETE /openai/{path}}: Open WebUI's (deprecated) pass-through, for any
 * verified user, to the first OpenAI connection with its key (e.g. {@code /openai/embeddings},
 * {@code /openai/files}). The body is streamed both ways. Paths with their own endpoint (config,
 * models, verify, chat completions, speech) are left to it.
 */
@ApplicationScoped
public class PassThroughRoutes {
    private static final String PREFIX = "/openai/";
    private static final Set<String> SERVED_ELSEWHERE = Set.of("config", "config/update", "verify", "models",
            "chat/completions", "audio/speech");
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);

    private final OpenAiSettings openai;
    private final OpenAiRelay relay;

    public PassThroughRoutes(OpenAiSettings openai, OpenAiRelay relay) {
        this.openai = openai;
        this.relay = relay;
    }

    void install(@Observes Router router) {
        router.route(PREFIX + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String path = rc.request().path().substring(PREFIX.length());
        if (!METHODS.contains(rc.request().method()) || path.isEmpty() || SERVED_ELSEWHERE.contains(path) || path.startsWith("models/")) {
            rc.next();
            return;
        }
        rc.request().pause();
        VerifiedRoute.then(rc, user -> {
            List<Connection> connections = openai.connections();
            if (!openai.enabled() || connections.isEmpty() || connections.get(0).baseUrl().isBlank()) {
                VerifiedRoute.reply(rc, 404, "No OpenAI connection to pass the request to");
                return;
            }
            String query = rc.request().query();
            relay.relay(rc, connections.get(0), rc.request().method(), path + (query == null ? "" : "?" + query),
                    upstream -> send(rc.request(), upstream));
        });
    }

    /** The caller's body as it arrives: with its length when it has one, chunked otherwise, none for a bodiless request. */
    private static Future<Void> send(HttpServerRequest request, HttpClientRequest upstream) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (length == null && !chunked) {
            request.resume();
            return upstream.end();
        }
        if (length != null) {
            upstream.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            upstream.setChunked(true);
        }
        return request.pipeTo(upstream);
    }
}
