package dev.webui.api.completion.rag;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON posts to file-service (FILE_SERVICE_URL) as the user: their Authorization header is
 * forwarded so file-service's access rules apply; FILE_SERVICE_TIMEOUT_SECONDS bounds connecting
 * and each wait for data.
 */
@ApplicationScoped
public class FileServiceClient {
    /** file-service's status and body, whatever the status. */
    public record Answer(int status, Buffer body) {
    }

    private final HttpClient http;
    private final RetrievalConfig config;

    public FileServiceClient(Vertx vertx, RetrievalConfig config) {
        this.http = vertx.createHttpClient(new HttpClientOptions());
        this.config = config;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Fails only when file-service could not be reached or stopped answering. */
    public Future<Answer> post(String path, String authorization, String json) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.fileServiceUrl().replaceAll("/+$", "") + path)
                .setIdleTimeout(config.timeoutSeconds() * 1000L)
                .setConnectTimeout(config.timeoutSeconds() * 1000L)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(json)))
                .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(), bytes)));
    }
}
