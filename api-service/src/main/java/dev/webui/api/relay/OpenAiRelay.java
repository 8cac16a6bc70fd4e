package dev.webui.api.relay;

import dev.webui.api.completion.CompletionConfig;
import dev.webui.api.completion.UpstreamFault;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends one request to an OpenAI connection and relays the answer as it comes (SSE included),
 * with flow control both ways, so memory stays bounded whatever the size. The provider's status
 * is kept, except a 5xx, which becomes 502; a provider that cannot be reached is 502, one silent
 * past AIOHTTP_CLIENT_TIMEOUT is 504. The upstream request is reset when the caller goes away.
 */
@ApplicationScoped
public class OpenAiRelay {
    private final HttpClient http;
    private final int timeoutSeconds;

    public OpenAiRelay(Vertx vertx, CompletionConfig config) {
        this.timeoutSeconds = Math.max(1, config.upstreamTimeout());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(Math.min(timeoutSeconds, 30))));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * @param path   the part after the connection's base URL, with its query ({@code embeddings}, {@code files?purpose=x})
     * @param writer sends the body on the prepared request and ends it
     */
    public void relay(RoutingContext rc, Connection connection, HttpMethod method, String path,
               Function<HttpClientRequest, Future<Void>> writer) {
        String base = OpenAiSettings.stripSlash(connection.baseUrl());
        RequestOptions options = new RequestOptions().setMethod(method).setIdleTimeout(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        try {
            options.setAbsoluteURI(base + "/" + path);
        } catch (IllegalArgumentException e) {
            VerifiedRoute.reply(rc, 400, "Invalid connection URL: " + connection.baseUrl());
            return;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, type);
        }
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            options.putHeader(HttpHeaders.ACCEPT, accept);
        }
        if (connection.sendsKey()) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + connection.key());
        }
        http.request(options).onFailure(e -> fail(rc, e, base)).onSuccess(request -> {
            rc.response().closeHandler(v -> request.reset());
            request.response().onSuccess(response -> forward(rc, response)).onFailure(e -> fail(rc, e, base));
            writer.apply(request).onFailure(e -> {
                request.reset();
                fail(rc, e, base);
            });
        });
    }

    private void forward(RoutingContext rc, HttpClientResponse response) {
        HttpServerResponse out = rc.response();
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode() >= 500 ? 502 : response.statusCode());
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            out.putHeader(HttpHeaders.CONTENT_TYPE, type);
        }
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(e -> {
            if (!out.ended() && !out.closed()) {
                out.reset();
            }
        });
    }

    private void fail(RoutingContext rc, Throwable e, String base) {
        UpstreamFault fault = UpstreamFault.of(e, base, timeoutSeconds);
        if (rc.response().headWritten()) {
            if (!rc.response().closed()) {
                rc.response().reset();
            }
            return;
        }
        VerifiedRoute.reply(rc, fault.status(), fault.getMessage());
    }
}
