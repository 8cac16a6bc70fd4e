package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.image.ImageLimits;
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
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * HTTP to image engines: every answer is read into memory up to a limit (a larger one fails the
 * call and closes the connection), every call is bounded by IMAGES_ENGINE_TIMEOUT_SECONDS, and every
 * failure is an {@link ApiException} naming the engine: 502 unreachable, refused or too large, 504
 * too slow. Calls run on an event loop, where the answer's body is asked for before it can end.
 */
@ApplicationScoped
public class EngineHttp {
    /** An engine's whole answer. */
    public record Answer(int status, String contentType, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final int MAX_ERROR_TEXT = 300;

    private final Vertx vertx;
    private final HttpClient http;
    private final WebSocketClient sockets;
    private final ObjectMapper mapper;
    private final long timeoutMs;

    public EngineHttp(Vertx vertx, ImageLimits limits, ObjectMapper mapper) {
        this.vertx = vertx;
        this.mapper = mapper;
        this.timeoutMs = TimeUnit.SECONDS.toMillis(Math.max(1, limits.timeoutSeconds()));
        int connectMs = (int) Math.min(timeoutMs, 30_000);
        this.http = vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setKeepAlive(true).setConnectTimeout(connectMs));
        this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setTcpNoDelay(true).setConnectTimeout(connectMs)
                .setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
    }

    @PreDestroy
    void close() {
        http.close();
        sockets.close();
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Sends a request and reads its whole answer, whatever its status, up to {@code maxBytes}. */
    public Future<Answer> send(String engine, HttpMethod method, String url, Map<String, String> headers, Buffer body, long maxBytes) {
        return onLoop(() -> {
            RequestOptions options;
            try {
                options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setIdleTimeout(timeoutMs);
            } catch (RuntimeException e) {
                return Future.failedFuture(ApiException.badRequest(engine + ": invalid URL " + url));
            }
            headers.forEach(options::putHeader);
            if (body != null) {
                options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            }
            return http.request(options)
                    .compose(request -> body == null ? request.send() : request.send(body))
                    .compose(response -> read(engine, response, maxBytes))
                    .recover(e -> Future.failedFuture(fault(engine, e)));
        });
    }

    /** A JSON object answered with a 2xx; any other answer fails with the engine's own message. */
    public Future<JsonNode> json(String engine, HttpMethod method, String url, Map<String, String> headers, JsonNode body,
                                 long maxBytes) {
        Buffer payload;
        try {
            payload = body == null ? null : Buffer.buffer(mapper.writeValueAsBytes(body));
        } catch (Exception e) {
            return Future.failedFuture(ApiException.badRequest(engine + ": the request could not be encoded"));
        }
        return send(engine, method, url, headers, payload, maxBytes).compose(answer -> {
            if (!answer.ok()) {
                return Future.failedFuture(refused(engine, answer));
            }
            try {
                JsonNode json = mapper.readTree(answer.body().getBytes());
                return json != null && json.isObject() ? Future.succeededFuture(json)
                        : Future.failedFuture(new ApiException(502, engine + " answered something other than a JSON object"));
            } catch (Exception e) {
                return Future.failedFuture(new ApiException(502, engine + " answered something other than JSON"));
            }
        });
    }

    /** Downloads an image (its answer must say image/...). */
    public Future<GeneratedImage> image(String engine, String url, Map<String, String> headers, long maxBytes, JsonNode metadata) {
        return send(engine, HttpMethod.GET, url, headers, null, maxBytes).compose(answer -> {
            if (!answer.ok()) {
                return Future.failedFuture(refused(engine, answer));
            }
            String type = answer.contentType() == null ? "" : answer.contentType().split(";")[0].strip().toLowerCase();
            if (!type.startsWith("image/")) {
                return Future.failedFuture(new ApiException(502, engine + " sent something other than an image ("
                        + (type.isEmpty() ? "no type" : type) + ")"));
            }
            return Future.succeededFuture(new GeneratedImage(answer.body().getBytes(), type, metadata));
        });
    }

    /** Opens a websocket (the caller sets its handlers at once, on the event loop this completes on). */
    public Future<WebSocket> webSocket(String engine, String url, Map<String, String> headers) {
        return onLoop(() -> {
            WebSocketConnectOptions options;
            try {
                options = new WebSocketConnectOptions().setAbsoluteURI(url).setTimeout(Math.min(timeoutMs, 30_000));
            } catch (RuntimeException e) {
                return Future.failedFuture(ApiException.badRequest(engine + ": invalid URL " + url));
            }
            headers.forEach(options::addHeader);
            return sockets.connect(options).recover(e -> Future.failedFuture(fault(engine, e)));
        });
    }

    /** The engine's message in a refusal: error.message, error, detail or message, else the start of its text. */
    public ApiException refused(String engine, Answer answer) {
        String text = answer.body().length() > 64 * 1024 ? "" : answer.body().toString();
        String message = null;
        try {
            JsonNode json = mapper.readTree(text);
            if (json != null) {
                JsonNode error = json.get("error");
                if (error != null && error.path("message").isTextual()) {
                    message = error.get("message").asText();
                } else if (error != null && error.isTextual()) {
                    message = error.asText();
                } else if (json.path("detail").isTextual()) {
                    message = json.get("detail").asText();
                } else if (json.path("message").isTextual()) {
                    message = json.get("message").asText();
                }
            }
        } catch (Exception ignored) {
            // not JSON: the text itself
        }
        if (message == null) {
            message = text.strip();
        }
        if (message.length() > MAX_ERROR_TEXT) {
            message = message.substring(0, MAX_ERROR_TEXT) + "…";
        }
        String said = engine + " answered " + answer.status() + (message.isEmpty() ? "" : ": " + message);
        // a refused prompt or size is the caller's to fix; anything else is the engine's
        return new ApiException(answer.status() == 400 || answer.status() == 422 ? 400 : 502, said);
    }

    public static ApiException tooLarge(String engine, long maxBytes) {
        return new ApiException(502, engine + " sent more than the " + (maxBytes / (1024 * 1024)) + " MB allowed (IMAGES_MAX_IMAGE_MB)");
    }

    private Future<Answer> read(String engine, HttpClientResponse response, long maxBytes) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
            response.exceptionHandler(e -> { });
            response.request().reset();
            return Future.failedFuture(tooLarge(engine, maxBytes));
        }
        Promise<Answer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBytes) {
                done.tryFail(tooLarge(engine, maxBytes));
                response.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(done::tryFail);
        response.endHandler(v -> done.tryComplete(new Answer(response.statusCode(), response.getHeader(HttpHeaders.CONTENT_TYPE), body)));
        return done.future();
    }

    private ApiException fault(String engine, Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof TimeoutException || e instanceof io.netty.handler.timeout.TimeoutException) {
            return new ApiException(504, engine + " did not answer in time");
        }
        if (e instanceof UpgradeRejectedException rejected) {
            return new ApiException(502, engine + " refused the websocket (" + rejected.getStatus() + ")");
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e.getCause() instanceof ConnectException) {
            return new ApiException(502, engine + " is unreachable");
        }
        return new ApiException(502, engine + " failed: " + e.getClass().getSimpleName());
    }

    private <T> Future<T> onLoop(Supplier<Future<T>> call) {
        if (Context.isOnEventLoopThread()) {
            return call.get();
        }
        Promise<T> result = Promise.promise();
        Context current = Vertx.currentContext();
        Context loop = current != null && current.isEventLoopContext() ? current
                : ((io.vertx.core.impl.VertxInternal) vertx).createEventLoopContext();
        loop.runOnContext(v -> call.get().onComplete(result));
        return result.future();
    }
}
