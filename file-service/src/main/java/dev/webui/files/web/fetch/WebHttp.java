package dev.webui.files.web.fetch;

import dev.webui.files.web.WebException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange, without following redirects, for callers on worker threads: the answer is
 * read up to a byte limit (the rest is not read and the connection is reset), and the whole
 * exchange is bounded by a deadline. A request may be pinned to an address already checked
 * (the name is still sent as Host and SNI), so the server reached is the one that was checked.
 * With {@code trustEnv} the proxy named by HTTPS_PROXY / HTTP_PROXY is used.
 */
@ApplicationScoped
public class WebHttp {
    /** What to send. {@code pin} null: the name is resolved by Vert.x. */
    public record Call(HttpMethod method, String url, Map<String, String> headers, Buffer body, SocketAddress pin,
                       boolean verifySsl, boolean trustEnv, Duration timeout, int maxBytes) {
    }

    /** What came back; {@code truncated} when the body was longer than the limit. */
    public record Answer(int status, MultiMap headers, Buffer body, boolean truncated) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final Vertx vertx;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public WebHttp(Vertx vertx) {
        this.vertx = vertx;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }

    /** Whether a proxy from the environment applies to this URL's scheme. */
    public static Optional<URI> environmentProxy(String scheme) {
        String value = System.getenv("https".equals(scheme) ? "HTTPS_PROXY" : "HTTP_PROXY");
        if (value == null) {
            value = System.getenv("https".equals(scheme) ? "https_proxy" : "http_proxy");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.trim()));
    }

    public Answer send(Call call) {
        URI target = URI.create(call.url());
        Optional<URI> proxy = call.trustEnv() ? environmentProxy(target.getScheme()) : Optional.empty();
        HttpClient client = client(call.verifySsl(), proxy);
        RequestOptions options = new RequestOptions().setMethod(call.method()).setAbsoluteURI(call.url())
                .setFollowRedirects(false).setIdleTimeout(call.timeout().toMillis());
        if (call.pin() != null && proxy.isEmpty()) {
            options.setServer(call.pin());
        }
        call.headers().forEach(options::putHeader);
        CompletableFuture<Answer> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // the response's handlers are set by the listener of send() itself, before any of its body can arrive
        client.request(options).onSuccess(request -> {
            sent.set(request);
            (call.body() == null ? request.send() : request.send(call.body()))
                    .onSuccess(response -> read(response, call.maxBytes(), result))
                    .onFailure(result::completeExceptionally);
        }).onFailure(result::completeExceptionally);
        try {
            return result.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw new WebException(target.getHost() + " did not answer within " + call.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebException("Interrupted while waiting for " + target.getHost());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new WebException(target.getHost() + " could not be reached: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
    }

    private static void read(HttpClientResponse response, int maxBytes, CompletableFuture<Answer> result) {
        Buffer body = Buffer.buffer();
        boolean[] truncated = {false};
        response.handler(chunk -> {
            if (truncated[0]) {
                return;
            }
            int room = maxBytes - body.length();
            if (chunk.length() > room) {
                body.appendBuffer(chunk, 0, Math.max(0, room));
                truncated[0] = true;
                result.complete(new Answer(response.statusCode(), response.headers(), body, true));
                response.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.endHandler(v -> result.complete(new Answer(response.statusCode(), response.headers(), body, false)));
        response.exceptionHandler(result::completeExceptionally);
    }

    private HttpClient client(boolean verifySsl, Optional<URI> proxy) {
        String key = verifySsl + "|" + proxy.map(URI::toString).orElse("");
        return clients.computeIfAbsent(key, k -> {
            HttpClientOptions options = new HttpClientOptions().setTcpNoDelay(true).setMaxPoolSize(32)
                    .setTryUseCompression(true).setVerifyHost(verifySsl).setTrustAll(!verifySsl);
            proxy.ifPresent(p -> options.setProxyOptions(new ProxyOptions().setHost(p.getHost())
                    .setPort(p.getPort() > 0 ? p.getPort() : 80)));
            return vertx.createHttpClient(options);
        });
    }
}
