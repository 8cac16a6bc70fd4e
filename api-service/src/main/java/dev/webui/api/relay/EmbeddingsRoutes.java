package dev.webui.api.relay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /api/embeddings} and {@code /api/v1/embeddings}: OpenAI's embeddings API for the
 * models of /api/models, under the completion's access rules. The request goes to the model's
 * connection ({@code {url}/embeddings}) with the provider's model id, and its answer is relayed.
 */
@ApplicationScoped
public class EmbeddingsRoutes {
    private final ModelRelay relay;

    public EmbeddingsRoutes(ModelRelay relay) {
        this.relay = relay;
    }

    void install(@Observes Router router) {
        relay.post(router, "/api/embeddings", this::handle);
        relay.post(router, "/api/v1/embeddings", this::handle);
    }

    private void handle(RoutingContext rc, ModelRelay.Request request) {
        ObjectNode body = request.body();
        if (!body.path("model").isTextual() || body.get("model").textValue().isBlank()) {
            VerifiedRoute.reply(rc, 400, "'model' is required");
            return;
        }
        body.remove("metadata");
        relay.send(rc, request.user(), body.get("model").textValue(), body, "embeddings");
    }
}
