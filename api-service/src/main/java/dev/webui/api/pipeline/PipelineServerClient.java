package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.completion.CompletionConfig;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiSettings;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Calls a Pipelines server's own routes ({@code {url}/pipelines}, {@code {url}/{id}/valves},
 * {@code {url}/{id}/filter/inlet}...) with the connection's key, as Open WebUI does. An error the
 * server answers keeps its status (a 5xx becomes 502) and its {@code detail}; a server that
 * cannot be reached is 502, one that stays silent past AIOHTTP_CLIENT_TIMEOUT is 504.
 */
@ApplicationScoped
public class PipelineServerClient {
    static final String NOT_FOUND = "Pipeline not found";
    /** Answers larger than this are refused rather than held in memory. */
    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final OpenAiSettings openai;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Duration timeout;

    public PipelineServerClient(OpenAiSettings openai, ObjectMapper mapper, CompletionConfig config) {
        this.openai = openai;
        this.mapper = mapper;
        this.timeout = Duration.ofSeconds(Math.max(1, config.upstreamTimeout()));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(30, timeout.toSeconds()))).build();
    }

    /** The OpenAI connection at {@code urlIdx}; an index that names none is 404, as in Open WebUI. */
    public Connection connection(Integer urlIdx) {
        List<Connection> connections = openai.connections();
        if (urlIdx == null || urlIdx < 0 || urlIdx >= connections.size()) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return connections.get(urlIdx);
    }

    public Uni<JsonNode> get(Connection connection, String path) {
        return send(connection, path, builder -> builder.GET());
    }

    public Uni<JsonNode> json(Connection connection, String method, String path, JsonNode body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (Exception e) {
            return Uni.createFrom().failure(ApiException.badRequest("The body cannot be sent"));
        }
        return send(connection, path, builder -> builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Sends a prepared body (a multipart upload) with its content type. */
    public Uni<JsonNode> body(Connection connection, String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(connection, path, builder -> builder.header("Content-Type", contentType).POST(body));
    }

    private Uni<JsonNode> send(Connection connection, String path, java.util.function.UnaryOperator<HttpRequest.Builder> method) {
        String base = OpenAiSettings.stripSlash(connection.baseUrl());
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.badRequest("Invalid connection URL: " + connection.baseUrl()));
        }
        builder.header("Authorization", "Bearer " + (connection.key() == null ? "" : connection.key()));
        HttpRequest request = method.apply(builder).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()))
                .onFailure().transform(e -> unreachable(base, e))
                .map(response -> read(base, response));
    }

    private JsonNode read(String base, HttpResponse<java.io.InputStream> response) {
        JsonNode body;
        try (var in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new ApiException(502, "The pipelines server at " + base + " answered more than " + MAX_ANSWER_BYTES + " bytes");
            }
            body = bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            body = null;
        }
        int status = response.statusCode();
        if (status >= 400) {
            int relayed = status >= 500 ? 502 : status;
            if (body == null || !body.hasNonNull("detail")) {
                throw new ApiException(relayed, NOT_FOUND);
            }
            throw new PipelineRefused(relayed, body.get("detail").isTextual() ? body.get("detail").textValue() : body.get("detail").toString());
        }
        if (body == null || !body.isObject()) {
            throw new ApiException(502, "The pipelines server at " + base + " did not answer with a JSON object");
        }
        return body;
    }

    private static ApiException unreachable(String base, Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return new ApiException(504, "The pipelines server at " + base + " did not answer in time");
        }
        return new ApiException(502, "Could not reach the pipelines server at " + base + ": "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }
}
