package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.completion.CompletionConfig;
import dev.webui.common.error.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP client of the speech engines (Vert.x, so speech can be streamed to the browser as it
 * arrives). Every failure becomes an {@link ApiException}: 502 with the engine's own reason, 504
 * when it stays silent longer than AIOHTTP_CLIENT_TIMEOUT.
 */
@ApplicationScoped
public class EngineHttp {
    private static final int MAX_JSON = 4 * 1024 * 1024;
    private static final int MAX_ERROR = 64 * 1024;

    private final Vertx vertx;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final int timeoutSeconds;

    public EngineHttp(Vertx vertx, CompletionConfig config, ObjectMapper mapper) {
        this.vertx = vertx;
        this.mapper = mapper;
        this.timeoutSeconds = Math.max(1, config.upstreamTimeout());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(Math.min(timeoutSeconds, 30))),
                new PoolOptions().setHttp1MaxSize(64));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** The engine's 2xx answer with its body still to be read (the caller sets its handlers at once); errors are read here. */
    public Future<HttpClientResponse> send(EngineRequest call) {
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(call.method()).setAbsoluteURI(call.url())
                    .setIdleTimeout(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        } catch (RuntimeException e) {
            return Future.failedFuture(ApiException.badRequest("The " + call.engine() + " URL is not valid: " + call.url()));
        }
        call.headers().forEach(options::putHeader);
        return http.request(options)
                .compose(request -> call.body() != null ? call.body().send(vertx, request) : request.send())
                .recover(e -> Future.failedFuture(EngineErrors.of(call, e, timeoutSeconds)))
                .compose(response -> response.statusCode() < 300 ? Future.succeededFuture(response) : failure(call, response));
    }

    /** A whole JSON answer (at most 4 MB); callable from any thread. */
    public Future<JsonNode> json(EngineRequest call) {
        return onEventLoop(() -> send(call).compose(response -> read(call, response, MAX_JSON, false)
                .compose(body -> {
                    try {
                        return Future.succeededFuture(mapper.readTree(body.getBytes()));
                    } catch (Exception e) {
                        return Future.failedFuture(new ApiException(502, "The " + call.engine() + " did not answer with JSON"));
                    }
                })));
    }

    /**
     * Runs the call on an event loop. From a worker thread a short answer could end before its
     * body was asked for, leaving the read pending for ever.
     */
    public <T> Future<T> onEventLoop(Supplier<Future<T>> work) {
        if (Context.isOnEventLoopThread()) {
            return work.get();
        }
        Promise<T> done = Promise.promise();
        Context current = Vertx.currentContext();
        (current != null && current.isEventLoopContext() ? current : vertx.getOrCreateContext())
                .runOnContext(v -> work.get().onComplete(done));
        return done.future();
    }

    private Future<HttpClientResponse> failure(EngineRequest call, HttpClientResponse response) {
        int status = response.statusCode();
        return read(call, response, MAX_ERROR, true).transform(body -> Future.failedFuture(
                EngineErrors.ofStatus(call, status, body.succeeded() ? EngineErrors.reason(mapper, body.result()) : null)));
    }

    /** Reads an answer up to {@code max} bytes; beyond, it is cut (an error's text) or a 502. */
    private Future<Buffer> read(EngineRequest call, HttpClientResponse response, int max, boolean cut) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() <= max) {
                body.appendBuffer(chunk);
            } else if (!cut && done.tryFail(new ApiException(502, "The " + call.engine() + "'s answer is larger than " + max + " bytes"))) {
                response.request().reset();
            }
        });
        response.exceptionHandler(e -> done.tryFail(EngineErrors.of(call, e, timeoutSeconds)));
        response.endHandler(v -> done.tryComplete(body));
        return done.future();
    }
}
