package dev.webui.api.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.ModelResolver;
import dev.webui.common.error.ApiException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/embeddings} and {@code /api/v1/embeddings}: OpenAI's embeddings API for the
 * models of /api/models, under the completion's access rules. The request goes to the model's
 * connection ({@code {url}/embeddings}) with the provider's model id, and its answer is relayed.
 */
@ApplicationScoped
public class EmbeddingsRoutes {
    private final ModelResolver models;
    private final OpenAiRelay relay;
    private final ObjectMapper mapper;
    private final long maxBodySize;

    public EmbeddingsRoutes(ModelResolver models, OpenAiRelay relay, ObjectMapper mapper,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.models = models;
        this.relay = relay;
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        for (String path : new String[] {"/api/embeddings", "/api/v1/embeddings"}) {
            router.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(BodyHandler.create(false).setBodyLimit(maxBodySize)).handler(this::handle);
        }
    }

    private void handle(RoutingContext rc) {
        VerifiedRoute.then(rc, user -> {
            ObjectNode body;
            try {
                JsonNode parsed = rc.body().length() == 0 ? null : mapper.readTree(rc.body().buffer().getBytes());
                body = parsed instanceof ObjectNode object ? object : null;
            } catch (Exception e) {
                body = null;
            }
            if (body == null) {
                VerifiedRoute.reply(rc, 400, "The request body must be a JSON object");
                return;
            }
            if (!body.path("model").isTextual() || body.get("model").textValue().isBlank()) {
                VerifiedRoute.reply(rc, 400, "'model' is required");
                return;
            }
            ObjectNode payload = body;
            Context context = Vertx.currentContext();
            models.resolve(user, payload.get("model").textValue()).subscribe().with(
                    model -> context.runOnContext(v -> {
                        payload.put("model", model.upstreamId());
                        payload.remove("metadata");
                        Buffer bytes = Buffer.buffer(payload.toString());
                        rc.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
                        relay.relay(rc, model.connection(), HttpMethod.POST, "embeddings", upstream -> upstream
                                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length())).end(bytes));
                    }),
                    e -> context.runOnContext(v -> VerifiedRoute.reply(rc, e instanceof ApiException api ? api.status() : 502,
                            e instanceof ApiException api ? api.detail() : "The model list could not be read")));
        });
    }
}
