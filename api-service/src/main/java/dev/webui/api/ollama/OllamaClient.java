package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.app.AppConfig;
import dev.webui.api.completion.CompletionConfig;
import dev.webui.api.connection.Connection;
import dev.webui.common.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to Ollama servers with Vert.x's HTTP client. Streamed answers are handed over once their
 * headers arrive (the caller pipes them on); JSON answers are read up to a bound. Every failure
 * becomes an {@link ApiException}: Ollama's own error status and message, 502 when it cannot be
 * reached, 504 when it goes silent.
 */
@ApplicationScoped
public class OllamaClient {
    static final int MAX_JSON = 64 * 1024 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final int listTimeout;
    private final int timeout;

    public OllamaClient(Vertx vertx, AppConfig app, CompletionConfig completion, ObjectMapper mapper) {
        this.mapper = mapper;
        this.listTimeout = Math.max(1, app.modelListTimeout());
        this.timeout = Math.max(1, completion.upstreamTimeout());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(Math.min(listTimeout, 30))),
                new PoolOptions().setHttp1MaxSize(32));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** A quick GET (version, tags, ps), bounded by the model-list timeout. */
    public Future<JsonNode> get(Connection connection, String path) {
        return json(connection, HttpMethod.GET, path, null, listTimeout);
    }

    /** A request whose whole JSON answer is wanted. */
    public Future<JsonNode> call(Connection connection, HttpMethod method, String path, JsonNode body) {
        return json(connection, method, path, body == null ? null : encode(body), timeout);
    }

    /** Sends the request and hands over the 2xx response as soon as its headers arrive. */
    public Future<HttpClientResponse> open(Connection connection, HttpMethod method, String path, Buffer body) {
        return request(connection, method, path, timeout).compose(request -> body == null ? request.send() : request.send(body))
                .recover(e -> Future.failedFuture(fault(e, connection)))
                .compose(response -> response.statusCode() < 400 ? Future.succeededFuture(response) : errorOf(response));
    }

    /** A request whose body the caller streams (blob uploads); {@code null} means the URL was invalid. */
    public Future<HttpClientRequest> request(Connection connection, HttpMethod method, String path, int idleSeconds) {
        RequestOptions options = new RequestOptions().setMethod(method)
                .setIdleTimeout(TimeUnit.SECONDS.toMillis(idleSeconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        try {
            options.setAbsoluteURI(connection.baseUrl() + path);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(ApiException.badRequest("Invalid Ollama URL: " + connection.baseUrl()));
        }
        if (!connection.key().isBlank()) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + connection.key());
        }
        return http.request(options).recover(e -> Future.failedFuture(fault(e, connection)));
    }

    /** GET of a file outside Ollama (a model download), redirects followed; the 2xx response as soon as it starts. */
    public Future<HttpClientResponse> download(String url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setFollowRedirects(true)
                .setIdleTimeout(TimeUnit.SECONDS.toMillis(timeout));
        try {
            options.setAbsoluteURI(url);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(ApiException.badRequest("Invalid file URL"));
        }
        return http.request(options).compose(request -> request.send())
                .recover(e -> Future.failedFuture(fault(e, null)))
                .compose(response -> response.statusCode() < 400 ? Future.succeededFuture(response)
                        : Future.failedFuture(new ApiException(502, "The download failed (HTTP " + response.statusCode() + ")")));
    }

    public Buffer encode(JsonNode body) {
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(body));
        } catch (Exception e) {
            throw ApiException.badRequest("The request could not be encoded");
        }
    }

    public int timeoutSeconds() {
        return timeout;
    }

    private Future<JsonNode> json(Connection connection, HttpMethod method, String path, Buffer body, int idleSeconds) {
        return request(connection, method, path, idleSeconds)
                .compose(request -> body == null ? request.send() : request.send(body))
                .recover(e -> Future.failedFuture(fault(e, connection)))
                .compose(response -> response.statusCode() < 400 ? read(response, MAX_JSON) : errorOf(response))
                .compose(bytes -> {
                    try {
                        JsonNode node = bytes.length() == 0 ? mapper.createObjectNode() : mapper.readTree(bytes.getBytes());
                        return Future.succeededFuture(node);
                    } catch (Exception e) {
                        return Future.failedFuture(new ApiException(502, "Ollama at " + connection.baseUrl() + " did not answer with JSON"));
                    }
                });
    }

    private Future<Buffer> read(HttpClientResponse response, int limit) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                done.tryFail(new ApiException(502, "Ollama's answer is larger than " + (limit >> 20) + " MB"));
                response.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(e -> done.tryFail(fault(e, null)));
        response.endHandler(v -> done.tryComplete(body));
        return done.future();
    }

    private <T> Future<T> errorOf(HttpClientResponse response) {
        int status = response.statusCode();
        Promise<T> failed = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() < MAX_ERROR_BODY) {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(e -> failed.tryFail(new ApiException(502, "Ollama: HTTP " + status)));
        response.endHandler(v -> failed.tryFail(new ApiException(status, "Ollama: " + detail(body, status))));
        return failed.future();
    }

    private String detail(Buffer body, int status) {
        try {
            JsonNode json = mapper.readTree(body.getBytes());
            if (json != null && json.path("error").isTextual()) {
                return json.get("error").textValue();
            }
        } catch (Exception ignored) {
            // not JSON: the text itself
        }
        String text = body.toString().strip();
        if (text.isEmpty()) {
            return "HTTP " + status;
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** 502 when Ollama cannot be reached or breaks off, 504 when it stays silent. */
    static ApiException fault(Throwable error, Connection connection) {
        if (error instanceof ApiException api) {
            return api;
        }
        String where = connection == null ? "Ollama" : "Ollama at " + connection.baseUrl();
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new ApiException(502, "Could not reach " + where + ": " + describe(cause));
        }
        if (cause instanceof TimeoutException || String.valueOf(cause.getMessage()).toLowerCase().contains("timeout")) {
            return new ApiException(504, where + " did not answer in time");
        }
        return new ApiException(502, where + " failed: " + describe(cause));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
