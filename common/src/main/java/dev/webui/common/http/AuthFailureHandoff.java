package dev.webui.common.http;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.reflect.Constructor;

/**
 * Puts Quarkus REST's own authentication-failure handoff in place, which Quarkus REST does itself
 * in a filter right after authentication (priority 199). With metrics on, that filter first works
 * out the request's URL template (for the metrics of a request whose authentication fails before
 * it reaches an endpoint) by building a new copy of the whole routing table, on every request: a
 * fifth of the CPU of a trivial request in a profile. Authentication is not proactive here, so it
 * fails inside the REST layer, which sets the template itself. This route runs between the two
 * (same order as that filter, added before it) and installs the very handler that filter would;
 * the filter then finds nothing left to do. The handler's class is not public: if a Quarkus
 * upgrade renames it, this route is not installed and Quarkus behaves as before, only slower
 * ({@code AuthFailureHandoffTest} fails to say so).
 */
@ApplicationScoped
public class AuthFailureHandoff {
    private static final Logger LOG = Logger.getLogger(AuthFailureHandoff.class);
    /** Quarkus's route order for a filter of priority p is -p; authentication has priority 200. */
    static final int ORDER = -199;
    static final String HANDLER_CLASS =
            "io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder$FailingDefaultAuthFailureHandler";

    private final Object handler = restLayerHandler();

    void install(@Observes Router router) {
        if (handler == null) {
            return;
        }
        router.route().order(ORDER).handler(context -> {
            if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, handler);
            }
            context.next();
        });
    }

    /** Whether the handoff is in place (false when this Quarkus has no such handler). */
    public boolean installed() {
        return handler != null;
    }

    // stateless, so one instance serves every request (Quarkus makes one per request)
    private static Object restLayerHandler() {
        try {
            Constructor<?> constructor = Class.forName(HANDLER_CLASS, true, AuthFailureHandoff.class.getClassLoader()).getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Quarkus REST's authentication-failure handler was not found (%s); every request keeps working out its URL template", e);
            return null;
        }
    }
}
