package dev.webui.auth.session;

import dev.webui.common.auth.TokenAuthenticationMechanism;
import dev.webui.common.http.RouterAnswers;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the session check (GET /api/v1/auths/, every page load) from the router when
 * {@link SessionCheck#ready} has the answer at hand, so the common case skips the REST layer, whose
 * security interceptor, Uni handling and writer lookup cost more than the kept bytes and a cookie.
 * Whatever it does not answer (no token, an API key, a token not seen yet, a query, another media
 * type) goes on to the REST endpoint, which decides as before.
 */
@ApplicationScoped
public class SessionCheckRoute {
    private static final String TEMPLATE = "/api/v1/auths";

    private final SessionCheck check;
    private final LongAdder answered = new LongAdder();

    public SessionCheckRoute(SessionCheck check) {
        this.check = check;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/api/v1/auths/").order(RouterAnswers.ORDER).handler(this::handle);
        router.route(HttpMethod.GET, "/api/v1/auths").order(RouterAnswers.ORDER).handler(this::handle);
    }

    /** How many checks were answered here (for tests). */
    long answered() {
        return answered.sum();
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String token = request.query() == null && RouterAnswers.acceptsJson(request) ? TokenAuthenticationMechanism.extract(context) : null;
        SessionAnswers.Answer ready = token == null ? null : check.ready(token);
        if (ready == null) {
            context.next();
            return;
        }
        answered.increment();
        RouterAnswers.sendJson(context, TEMPLATE, SessionCheck.send(context, token, ready));
    }
}
