package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import dev.webui.api.model.ModelCatalog;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.BiConsumer;

/**
 * The streamed /ollama routes, each with and without {@code /:idx}: Ollama's answer (NDJSON for
 * pull, push, create, generate and chat; SSE for the /v1 completions) is piped to the caller as it
 * arrives, with flow control (Ollama is read only as fast as the caller takes it) and the upstream
 * request dropped when the caller goes away. Plain Vert.x routes, as for /api/chat/completions.
 */
@ApplicationScoped
public class OllamaStreamRoutes {
    static final String BASE = "/ollama";

    private final OllamaClient client;
    private final OllamaRouter router;
    private final ModelCatalog catalog;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final long maxBodySize;

    public OllamaStreamRoutes(OllamaClient client, OllamaRouter router, ModelCatalog catalog, ObjectMapper mapper, Vertx vertx,
                              @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.client = client;
        this.router = router;
        this.catalog = catalog;
        this.mapper = mapper;
        this.vertx = vertx;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router routes) {
        add(routes, HttpMethod.POST, "/api/pull", true, this::pull);
        add(routes, HttpMethod.DELETE, "/api/push", true, this::push);
        add(routes, HttpMethod.POST, "/api/create", true, this::create);
        add(routes, HttpMethod.POST, "/api/generate", false, (rc, user) -> model(rc, user, "/api/generate", "prompt", null));
        add(routes, HttpMethod.POST, "/api/chat", false, (rc, user) -> model(rc, user, "/api/chat", "messages", "application/x-ndjson"));
        add(routes, HttpMethod.POST, "/v1/completions", false, (rc, user) -> model(rc, user, "/v1/completions", "prompt", null));
        add(routes, HttpMethod.POST, "/v1/chat/completions", false,
                (rc, user) -> model(rc, user, "/v1/chat/completions", "messages", null));
    }

    private void add(Router routes, HttpMethod method, String path, boolean admin, BiConsumer<RoutingContext, AuthenticatedUser> handler) {
        for (String full : new String[]{BASE + path, BASE + path + "/:idx"}) {
            routes.route(method, full).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(BodyHandler.create(false).setBodyLimit(maxBodySize))
                    .handler(rc -> RouteCalls.withUser(rc, admin, user -> handler.accept(rc, user)));
        }
    }

    /** Pull from any registry (v0.6.32 lets admins pull insecurely); progress lines stream through. */
    private void pull(RoutingContext rc, AuthenticatedUser user) {
        ObjectNode body = body(rc);
        String model = requireModel(body);
        body.put("model", model);
        body.remove("name");
        body.put("insecure", true);
        Integer idx = RouteCalls.index(rc);
        proxy(rc, connection(idx == null ? 0 : idx), "/api/pull", body, null, true);
    }

    /** DELETE on our side, as v0.6.32 declares it; a POST to Ollama. */
    private void push(RoutingContext rc, AuthenticatedUser user) {
        ObjectNode body = body(rc);
        String model = requireModel(body);
        Integer idx = RouteCalls.index(rc);
        if (idx != null) {
            proxy(rc, connection(idx), "/api/push", body, null, false);
            return;
        }
        on(rc, router.entry(model), found -> {
            var entry = found.filter(e -> e.path("id").asText().equals(model)).orElseThrow(() -> OllamaRouter.notFound(model));
            proxy(rc, router.all(entry).get(0).connection(), "/api/push", body, null, false);
        });
    }

    private void create(RoutingContext rc, AuthenticatedUser user) {
        ObjectNode body = body(rc);
        Integer idx = RouteCalls.index(rc);
        proxy(rc, connection(idx == null ? 0 : idx), "/api/create", body, null, true);
    }

    /** Generate, chat and the /v1 completions: the caller must be allowed the model; its server is picked by turn. */
    private void model(RoutingContext rc, AuthenticatedUser user, String path, String required, String contentType) {
        ObjectNode body = body(rc);
        body.remove("metadata");
        String model = body.path("model").textValue();
        if (model == null || model.isBlank()) {
            throw ApiException.badRequest("Missing 'model'");
        }
        JsonNode input = body.get(required);
        if (input == null || input.isNull() || (required.equals("messages") && !input.isArray())) {
            throw ApiException.badRequest(required.equals("messages") ? "'messages' must be a list of messages" : "Missing '" + required + "'");
        }
        Integer idx = RouteCalls.index(rc);
        on(rc, router.authorize(user, model).chain(allowed -> router.route(OllamaModels.withTag(allowed.model()), idx)
                .map(target -> {
                    if (allowed.preset() != null) {
                        presetParams(path, body, allowed.preset().params());
                    }
                    return target;
                })), target -> {
            body.put("model", target.model());
            boolean streamed = body.path("stream").asBoolean(!path.startsWith("/v1/"));
            proxy(rc, target.connection(), path, body, streamed ? contentType : null, false);
        });
    }

    /** 0.6.32 applies a preset's params on chat and the /v1 completions, not on generate. */
    private static void presetParams(String path, ObjectNode body, JsonNode params) {
        switch (path) {
            case "/api/chat" -> {
                OllamaPresetParams.applyNative(body, params);
                OllamaPresetParams.addSystem(body, params);
            }
            case "/v1/chat/completions" -> {
                OllamaPresetParams.applyOpenAi(body, params);
                OllamaPresetParams.addSystem(body, params);
            }
            case "/v1/completions" -> OllamaPresetParams.applyOpenAi(body, params);
            default -> { }
        }
    }

    private Connection connection(int idx) {
        return router.connection(idx);
    }

    private void proxy(RoutingContext rc, Connection connection, String path, ObjectNode body, String contentType, boolean changesModels) {
        client.open(connection, HttpMethod.POST, path, client.encode(body)).onComplete(opened -> {
            if (opened.failed()) {
                RouteCalls.fail(rc, opened.cause());
                return;
            }
            pipe(rc, opened.result(), contentType, changesModels);
        });
    }

    private void pipe(RoutingContext rc, HttpClientResponse upstream, String contentType, boolean changesModels) {
        String type = contentType != null ? contentType : upstream.getHeader(HttpHeaders.CONTENT_TYPE);
        new StreamRelay(vertx, rc, upstream, client.timeoutSeconds(), () -> {
            if (changesModels) {
                catalog.changed().subscribe().with(ok -> { }, e -> { });
            }
        }).start(type);
    }

    private <T> void on(RoutingContext rc, Uni<T> work, java.util.function.Consumer<T> then) {
        Context context = Vertx.currentContext();
        work.subscribe().with(item -> context.runOnContext(v -> {
            try {
                then.accept(item);
            } catch (RuntimeException e) {
                RouteCalls.fail(rc, e);
            }
        }), e -> context.runOnContext(v -> RouteCalls.fail(rc, e)));
    }

    private ObjectNode body(RoutingContext rc) {
        JsonNode body;
        try {
            body = rc.body().length() == 0 ? null : mapper.readTree(rc.body().buffer().getBytes());
        } catch (Exception e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return object;
    }

    private static String requireModel(JsonNode body) {
        String model = OllamaService.modelName(body);
        if (model == null) {
            throw ApiException.badRequest("Missing the name of the model");
        }
        return model;
    }
}
