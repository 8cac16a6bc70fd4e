package dev.webui.api.tool.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.ToolCall;
import dev.webui.api.tool.ToolResult;
import dev.webui.api.tool.server.BoundedBody;
import dev.webui.api.tool.server.ToolServerConfig;
import dev.webui.api.tool.server.ToolServerConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Calls one operation of a tool server with the model's arguments: path parameters into the path,
 * query parameters into the query string (an array as repeated keys), header parameters as
 * headers, the rest as the JSON body. Redirects are not followed (as in Open WebUI). Whatever
 * happens, the answer is a {@link ToolResult}: a non-2xx status, a timeout or an unreachable
 * server is an error result whose text says so; the body is kept up to TOOL_SERVER_MAX_RESPONSE_BYTES.
 */
@ApplicationScoped
public class OpenApiCaller {
    private static final Logger LOG = Logger.getLogger(OpenApiCaller.class);
    private static final int ERROR_BODY_CHARS = 2000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper;
    private final int maxBytes;

    public OpenApiCaller(ObjectMapper mapper, ToolServerConfig config) {
        this.mapper = mapper;
        this.maxBytes = Math.max(1024, config.maxResponseBytes());
    }

    public Uni<ToolResult> call(ToolServerConnection server, OpenApiOperation operation, ObjectNode arguments, ToolCall call) {
        HttpRequest request;
        try {
            request = request(server, operation, arguments == null ? mapper.createObjectNode() : arguments, call);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(ToolResult.error("The call of " + operation.name() + " could not be made: " + e.getMessage()));
        }
        Duration timeout = call.timeout();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, BoundedBody.handler(maxBytes)))
                .ifNoItem().after(timeout).fail()
                .map(response -> result(operation, response))
                .onFailure().recoverWithItem(e -> failure(server, operation, e, timeout));
    }

    private HttpRequest request(ToolServerConnection server, OpenApiOperation operation, ObjectNode arguments, ToolCall call) {
        String path = operation.path();
        StringJoiner query = new StringJoiner("&");
        Set<String> placed = new HashSet<>();
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(call.timeout())
                .header("Accept", "application/json");
        for (OpenApiOperation.Parameter parameter : operation.parameters()) {
            JsonNode value = arguments.get(parameter.name());
            placed.add(parameter.name());
            if (value == null || value.isNull()) {
                continue;
            }
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", encode(text(value)).replace("+", "%20"));
                case "query" -> {
                    if (value.isArray()) {
                        value.forEach(v -> query.add(encode(parameter.name()) + "=" + encode(text(v))));
                    } else {
                        query.add(encode(parameter.name()) + "=" + encode(text(value)));
                    }
                }
                default -> builder.header(parameter.name(), text(value));
            }
        }
        String base = server.url().replaceFirst("/+$", "");
        builder.uri(URI.create(base + path + (query.length() > 0 ? "?" + query : "")));
        server.authorization(call.authorization()).ifPresent(value -> builder.setHeader("Authorization", value));
        HttpRequest.BodyPublisher body = switch (operation.body()) {
            case NONE -> null;
            case WHOLE -> json(arguments.path(OpenApiOperation.WHOLE_BODY_ARGUMENT));
            case PROPERTIES -> {
                ObjectNode rest = arguments.deepCopy();
                rest.remove(placed);
                yield json(rest);
            }
        };
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody() : body).build();
    }

    private HttpRequest.BodyPublisher json(JsonNode node) {
        return HttpRequest.BodyPublishers.ofString(node.isMissingNode() ? "null" : node.toString());
    }

    private ToolResult result(OpenApiOperation operation, HttpResponse<BoundedBody> response) {
        String text = response.body().text();
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String shown = text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text;
            return ToolResult.error("The tool " + operation.name() + " failed: HTTP error " + status + (shown.isBlank() ? "" : ": " + shown));
        }
        if (response.body().truncated()) {
            return ToolResult.text(text + "\n[The answer was cut off after " + maxBytes + " bytes.]");
        }
        return ToolResult.text(text);
    }

    private static ToolResult failure(ToolServerConnection server, OpenApiOperation operation, Throwable e, Duration timeout) {
        LOG.infof("Tool %s of %s failed: %s", operation.name(), server.toolId(), e.toString());
        Throwable cause = e.getCause() != null && !(e instanceof TimeoutException) ? e.getCause() : e;
        if (e instanceof TimeoutException || e instanceof HttpTimeoutException || cause instanceof HttpTimeoutException) {
            return ToolResult.error("The tool " + operation.name() + " did not answer within " + timeout.toSeconds() + " seconds.");
        }
        if (e instanceof ConnectException || cause instanceof ConnectException) {
            return ToolResult.error("The tool " + operation.name() + " could not be reached: its server at " + server.url() + " refused the connection.");
        }
        return ToolResult.error("The tool " + operation.name() + " could not be called: " + OpenApiSpecs.describe(e));
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
