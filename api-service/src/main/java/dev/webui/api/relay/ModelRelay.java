package dev.webui.api.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.ModelResolver;
import dev.webui.common.auth.AuthenticatedUser;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.BiConsumer;

/**
 * For plain Vert.x routes that send a JSON body to a model of /api/models: the body is read (up to
 * the size limit) and parsed, the caller checked, the model resolved under the completion's access
 * rules, then the payload goes to the model's connection with the provider's model id and the
 * answer is relayed as it comes.
 */
@ApplicationScoped
public class ModelRelay {
    private final ModelResolver models;
    private final OpenAiRelay relay;
    private final ObjectMapper mapper;
    private final long maxBodySize;

    public ModelRelay(ModelResolver models, OpenAiRelay relay, ObjectMapper mapper,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.models = models;
        this.relay = relay;
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    /** POST {@code path}, before the JAX-RS routes: {@code handler} gets the verified caller and the parsed body (null when it is not JSON). */
    public void post(Router router, String path, BiConsumer<RoutingContext, Request> handler) {
        router.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize))
                .handler(rc -> VerifiedRoute.then(rc, user -> {
                    ObjectNode body;
                    try {
                        body = rc.body().length() == 0 ? null : mapper.readTree(rc.body().buffer().getBytes()) instanceof ObjectNode o ? o : null;
                    } catch (Exception e) {
                        body = null;
                    }
                    if (body == null) {
                        VerifiedRoute.reply(rc, 400, "The request body must be a JSON object");
                        return;
                    }
                    handler.accept(rc, new Request(user, body));
                }));
    }

    public record Request(AuthenticatedUser user, ObjectNode body) {
    }

    /** Sends {@code payload} to {@code {connection}/{path}} of model {@code modelId} ("Model not found" when the caller may not use it). */
    public void send(RoutingContext rc, AuthenticatedUser user, String modelId, ObjectNode payload, String path) {
        Context context = Vertx.currentContext();
        models.resolve(user, modelId).subscribe().with(model -> context.runOnContext(v -> {
            payload.put("model", model.upstreamId());
            Buffer bytes = Buffer.buffer(payload.toString());
            rc.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            relay.relay(rc, model.connection(), HttpMethod.POST, path, upstream -> upstream
                    .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length())).end(bytes));
        }), e -> context.runOnContext(v -> {
            if (e instanceof ApiException api) {
                VerifiedRoute.reply(rc, api.status(), api.detail());
            } else {
                VerifiedRoute.reply(rc, 502, "The model list could not be read");
            }
        }));
    }
}
