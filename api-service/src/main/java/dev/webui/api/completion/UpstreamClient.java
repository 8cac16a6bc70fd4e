package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.connection.Connection;
import dev.webui.api.ollama.completion.OllamaChatAnswer;
import dev.webui.api.ollama.completion.OllamaChatRequest;
import dev.webui.api.ollama.completion.OllamaStreamDecoder;
import dev.webui.common.error.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * POSTs chat completions to OpenAI-compatible providers with Vert.x's HTTP client: the answer is
 * handed over as soon as its headers arrive so callers can stream it chunk by chunk. Error
 * answers are read (bounded) and turned into {@link UpstreamFault}s. An Ollama connection gets the
 * body converted for its native {@code /api/chat}; {@link #decoder} and {@link #answer} read its
 * answers back as OpenAI's (docs/ollama.md, "Completions").
 */
@ApplicationScoped
public class UpstreamClient {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Vertx vertx;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final int timeoutSeconds;

    public UpstreamClient(Vertx vertx, CompletionConfig config, ObjectMapper mapper) {
        this.vertx = vertx;
        this.timeoutSeconds = Math.max(1, config.upstreamTimeout());
        this.mapper = mapper;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(Math.min(timeoutSeconds, 30))),
                new PoolOptions().setHttp1MaxSize(Math.max(1, config.upstreamPoolSize())));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * Sends the body; the returned response has status 2xx and is paused-free: the caller sets its
     * handlers right away (on the same event loop). Fails with an {@link UpstreamFault}.
     */
    public Future<HttpClientResponse> send(UpstreamCall call, Connection connection, JsonNode openAiBody) {
        JsonNode body;
        try {
            body = connection.ollama() ? OllamaChatRequest.of(openAiBody) : openAiBody;
        } catch (ApiException refused) {
            return Future.failedFuture(new UpstreamFault(refused.status(), refused.detail()));
        }
        boolean stream = body.path("stream").asBoolean(false);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(stripSlash(connection.baseUrl()) + (connection.ollama() ? "/api/chat" : "/chat/completions"))
                .setIdleTimeout(TimeUnit.SECONDS.toMillis(timeoutSeconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, !stream ? "application/json" : connection.ollama() ? "application/x-ndjson" : "text/event-stream");
        if (connection.sendsKey()) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + connection.key());
        }
        Buffer payload;
        try {
            payload = Buffer.buffer(mapper.writeValueAsBytes(body));
        } catch (Exception e) {
            return Future.failedFuture(new UpstreamFault(400, "The request could not be encoded"));
        }
        Future<HttpClientResponse> sent;
        try {
            sent = http.request(options).compose(request -> {
                if (!call.attach(request)) {
                    return Future.failedFuture(new java.util.concurrent.CancellationException("stopped"));
                }
                return request.send(payload);
            });
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new UpstreamFault(400, "Invalid connection URL: " + connection.baseUrl()));
        }
        return sent.recover(e -> Future.failedFuture(e instanceof java.util.concurrent.CancellationException ? e
                        : UpstreamFault.of(e, connection.baseUrl(), timeoutSeconds)))
                .compose(response -> response.statusCode() < 400 ? Future.succeededFuture(response) : errorOf(response));
    }

    /** A whole (non-streamed) JSON answer; callable from any thread. */
    public Future<JsonNode> json(UpstreamCall call, Connection connection, JsonNode body) {
        if (!Context.isOnEventLoopThread()) {
            // Started from a worker thread (background tasks after an answer, channel mentions), the
            // request could be answered and ended before the body was asked for, and the answer then
            // stayed pending for ever (one background run in five here). From the event loop the body
            // is always asked for first.
            Promise<JsonNode> answer = Promise.promise();
            Context current = Vertx.currentContext();
            (current != null ? current : vertx.getOrCreateContext()).runOnContext(v -> json(call, connection, body).onComplete(answer));
            return answer.future();
        }
        return send(call, connection, body).compose(response -> answer(connection, response));
    }

    /** How the connection's stream is read: OpenAI's SSE, or Ollama's NDJSON converted. */
    public StreamDecoder decoder(Connection connection) {
        return connection.ollama() ? new OllamaStreamDecoder() : new SseDecoder();
    }

    /** A whole (non-streamed) answer as OpenAI's JSON object. */
    public Future<JsonNode> answer(Connection connection, HttpClientResponse response) {
        return response.body()
                .recover(e -> Future.failedFuture(UpstreamFault.of(e, connection.baseUrl(), timeoutSeconds)))
                .compose(bytes -> {
                    JsonNode json;
                    try {
                        json = mapper.readTree(bytes.getBytes());
                    } catch (Exception e) {
                        return Future.failedFuture(UpstreamFault.malformed("the answer is not JSON"));
                    }
                    if (json == null || !json.isObject()) {
                        return Future.failedFuture(UpstreamFault.malformed("the answer is not a JSON object"));
                    }
                    return Future.succeededFuture(connection.ollama() && !json.hasNonNull("error") ? new OllamaChatAnswer().whole(json) : json);
                });
    }

    private Future<HttpClientResponse> errorOf(HttpClientResponse response) {
        int status = response.statusCode();
        Promise<HttpClientResponse> failed = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() < MAX_ERROR_BODY) {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(e -> failed.tryFail(UpstreamFault.ofStatus(status, null)));
        response.endHandler(v -> failed.tryFail(UpstreamFault.ofStatus(status, detail(body))));
        return failed.future();
    }

    private String detail(Buffer body) {
        try {
            JsonNode json = mapper.readTree(body.getBytes());
            if (json != null) {
                if (json.has("error")) {
                    return StreamChunk.errorMessage(json.get("error"));
                }
                if (json.path("detail").isTextual()) {
                    return json.get("detail").textValue();
                }
                if (json.path("message").isTextual()) {
                    return json.get("message").textValue();
                }
            }
        } catch (Exception ignored) {
            // not JSON: fall through to the text
        }
        String text = body.toString().strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
