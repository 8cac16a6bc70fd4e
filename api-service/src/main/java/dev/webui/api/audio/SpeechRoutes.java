package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.common.error.ErrorResponse;
import dev.webui.common.json.RequestLimitsConfig;
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
import org.jboss.logging.Logger;

/**
 * POST /api/v1/audio/speech as a Vert.x route: a cached answer is read back from PostgreSQL in
 * slices, a new one is relayed from the engine as it arrives ({@link SpeechRelay}); neither is
 * held whole in memory. Everything runs on the request's event loop.
 */
@ApplicationScoped
public class SpeechRoutes {
    static final String PATH = "/api/v1/audio/speech";
    private static final Logger LOG = Logger.getLogger(SpeechRoutes.class);

    private final SpeechService speech;
    private final SpeechCache cache;
    private final EngineHttp http;
    private final ObjectMapper mapper;
    private final long bodyLimit;
    private final long cacheEntryMax;

    public SpeechRoutes(SpeechService speech, SpeechCache cache, EngineHttp http, ObjectMapper mapper,
                        RequestLimitsConfig requestLimits, AudioLimits limits) {
        this.speech = speech;
        this.cache = cache;
        this.http = http;
        this.mapper = mapper;
        this.bodyLimit = requestLimits.requestBodyMaxSize().asLongValue();
        this.cacheEntryMax = limits.cacheEntryMaxSize().asLongValue();
    }

    void install(@Observes Router router) {
        // after authentication, before the JAX-RS routes
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        Context context = Vertx.currentContext();
        JsonNode body;
        try {
            body = rc.body().length() == 0 ? null : mapper.readTree(rc.body().buffer().getBytes());
        } catch (Exception e) {
            reply(rc, 400, "Invalid JSON payload");
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> context.runOnContext(v -> authorized(rc, AuthenticatedUser.of(identity), body)),
                e -> context.runOnContext(v -> reply(rc, 401, "Invalid token or not signed in")));
    }

    private void authorized(RoutingContext rc, AuthenticatedUser user, JsonNode body) {
        if (user == null || !user.isVerified()) {
            reply(rc, 401, user == null ? "Not authenticated" : "Your account is awaiting approval");
            return;
        }
        SpeechJob job;
        try {
            job = speech.job(body);
        } catch (ApiException e) {
            reply(rc, e.status(), e.detail());
            return;
        }
        Context context = Vertx.currentContext();
        cache.find(job.cacheKey()).subscribe().with(
                entry -> context.runOnContext(v -> {
                    if (entry.isPresent()) {
                        new CachedSpeech(cache, job.cacheKey(), entry.get(), rc.response()).run();
                    } else {
                        generate(rc, job);
                    }
                }),
                e -> context.runOnContext(v -> {
                    LOG.warn("Speech cache unreadable, generating without it", e);
                    generate(rc, job);
                }));
    }

    private void generate(RoutingContext rc, SpeechJob job) {
        Context context = Vertx.currentContext();
        speech.call(job).compose(http::send).onComplete(answer -> {
            if (answer.failed()) {
                fail(rc, answer.cause());
                return;
            }
            new SpeechRelay(answer.result(), rc.response(), cacheEntryMax, audio -> cache.store(job.cacheKey(),
                    SpeechRelay.contentType(answer.result()), audio)
                    .onFailure().invoke(e -> LOG.warn("Speech not cached", e))
                    .onFailure().recoverWithNull()
                    .emitOn(command -> context.runOnContext(v -> command.run()))).run();
        });
    }

    private void fail(RoutingContext rc, Throwable e) {
        if (e instanceof ApiException api) {
            reply(rc, api.status(), api.detail());
        } else {
            LOG.error("Speech request failed", e);
            reply(rc, 502, "The speech could not be generated: " + e.getMessage());
        }
    }

    static void reply(RoutingContext rc, int status, String detail) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(new ErrorResponse(detail)));
    }
}
