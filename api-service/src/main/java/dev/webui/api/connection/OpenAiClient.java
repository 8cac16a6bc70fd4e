package dev.webui.api.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.app.AppConfig;
import dev.webui.api.json.JsonText;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks to OpenAI-compatible providers (outside the suite). The JDK client is enough for the
 * one call made here ({@code GET {url}/models}); failures become {@link ApiException}s with the
 * upstream status, or 502 when the provider cannot be reached.
 */
@ApplicationScoped
public class OpenAiClient {
    private final HttpClient http;
    private final Duration timeout;
    private final JsonText json;

    public OpenAiClient(AppConfig config, JsonText json) {
        this.timeout = Duration.ofSeconds(Math.max(1, config.modelListTimeout()));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.json = json;
    }

    public Uni<JsonNode> models(String baseUrl, String key) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(OpenAiSettings.stripSlash(baseUrl) + "/models")).timeout(timeout)
                    .header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.badRequest("Invalid connection URL: " + baseUrl));
        }
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> new ApiException(502, "Could not reach " + baseUrl + ": " + describe(e)))
                .map(response -> {
                    JsonNode body;
                    try {
                        body = json.mapper().readTree(response.body());
                    } catch (Exception e) {
                        throw new ApiException(502, "The provider at " + baseUrl + " did not answer with JSON");
                    }
                    if (response.statusCode() >= 400) {
                        String detail = body.path("error").path("message").asText(body.path("detail").asText("HTTP " + response.statusCode()));
                        throw new ApiException(response.statusCode(), "Provider error: " + detail);
                    }
                    return body;
                });
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
