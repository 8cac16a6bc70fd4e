package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.http.ForwardedAuthorization;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.common.error.ErrorResponse;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * POST /api/chat/completions, /api/v1/chat/completions and /openai/chat/completions. Plain Vert.x
 * routes rather than JAX-RS: SSE mode writes upstream events straight to the connection, with
 * flow control and cancellation when the caller goes away. Everything runs on the request's
 * event loop.
 */
@ApplicationScoped
public class CompletionRoutes {
    private static final Logger LOG = Logger.getLogger(CompletionRoutes.class);
    static final List<String> PATHS = List.of("/api/chat/completions", "/api/v1/chat/completions", "/openai/chat/completions");

    private final CompletionPipeline pipeline;
    private final ObjectMapper mapper;
    private final long maxBodySize;

    public CompletionRoutes(CompletionPipeline pipeline, ObjectMapper mapper,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        for (String path : PATHS) {
            // after authentication, before the JAX-RS routes
            router.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(BodyHandler.create(false).setBodyLimit(maxBodySize))
                    .handler(this::handle);
        }
    }

    private void handle(RoutingContext rc) {
        Context context = Vertx.currentContext();
        JsonNode body;
        try {
            body = rc.body().length() == 0 ? null : mapper.readTree(rc.body().buffer().getBytes());
        } catch (Exception e) {
            reply(rc, 400, new ErrorResponse("The request body is not valid JSON"));
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> context.runOnContext(v -> authorized(rc, AuthenticatedUser.of(identity), body)),
                e -> context.runOnContext(v -> reply(rc, 401, new ErrorResponse("Invalid token or not signed in"))));
    }

    private void authorized(RoutingContext rc, AuthenticatedUser user, JsonNode body) {
        if (user == null || !user.isVerified()) {
            reply(rc, 401, new ErrorResponse(user == null ? "Not authenticated" : "Your account is awaiting approval"));
            return;
        }
        Context context = Vertx.currentContext();
        try {
            pipeline.prepare(user, body, ForwardedAuthorization.of(rc.request())).subscribe().with(
                    ready -> context.runOnContext(v -> dispatch(rc, user, ready)),
                    e -> context.runOnContext(v -> fail(rc, e)));
        } catch (RuntimeException e) {
            fail(rc, e);
        }
    }

    private void dispatch(RoutingContext rc, AuthenticatedUser user, CompletionPipeline.Prepared prepared) {
        CompletionRequest request = prepared.request();
        if (request.background()) {
            pipeline.startTask(user, prepared).subscribe().with(
                    taskId -> reply(rc, 200, Map.of("status", true, "task_id", taskId)),
                    e -> fail(rc, e));
        } else if (request.stream()) {
            new SseProxy(pipeline, user, prepared, rc.response()).run();
        } else {
            pipeline.json(user, prepared).onComplete(result -> {
                if (result.succeeded()) {
                    reply(rc, 200, result.result());
                } else {
                    fail(rc, result.cause());
                }
            });
        }
    }

    private void fail(RoutingContext rc, Throwable e) {
        if (e instanceof ApiException api) {
            reply(rc, api.status(), new ErrorResponse(api.detail()));
        } else if (e instanceof UpstreamFault fault) {
            reply(rc, fault.status(), new ErrorResponse(fault.getMessage()));
        } else {
            LOG.error("Completion request failed", e);
            reply(rc, 500, new ErrorResponse("The completion could not be started"));
        }
    }

    private static void reply(RoutingContext rc, int status, Object body) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Json.encode(body));
    }
}
