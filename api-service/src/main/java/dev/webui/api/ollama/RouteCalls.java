package dev.webui.api.ollama;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.common.error.ErrorResponse;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/** What the Vert.x routes of /ollama share: the caller's identity and role, and {@code {"detail"}} answers. */
final class RouteCalls {
    private static final Logger LOG = Logger.getLogger(RouteCalls.class);

    private RouteCalls() {
    }

    /** Runs {@code then} on the request's event loop with a verified caller (an admin when {@code admin}). */
    static void withUser(RoutingContext rc, boolean admin, Consumer<AuthenticatedUser> then) {
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> context.runOnContext(v -> {
                    AuthenticatedUser user = identity == null || identity.isAnonymous() ? null : AuthenticatedUser.of(identity);
                    if (user == null) {
                        reply(rc, 403, new ErrorResponse("Not authenticated"));
                    } else if (!user.isVerified() || (admin && !user.isAdmin())) {
                        reply(rc, 401, new ErrorResponse("You do not have permission to access this resource. "
                                + "Please ask your administrator for access."));
                    } else {
                        try {
                            then.accept(user);
                        } catch (RuntimeException e) {
                            fail(rc, e);
                        }
                    }
                }),
                e -> context.runOnContext(v -> reply(rc, 401, new ErrorResponse("Invalid token or not signed in"))));
    }

    static void fail(RoutingContext rc, Throwable e) {
        if (e instanceof ApiException api) {
            reply(rc, api.status(), new ErrorResponse(api.detail()));
        } else {
            LOG.error("Ollama request failed", e);
            reply(rc, 502, new ErrorResponse("The Ollama request failed"));
        }
    }

    static void reply(RoutingContext rc, int status, Object body) {
        if (rc.response().ended() || rc.response().closed() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Json.encode(body));
    }

    /** The optional {@code :idx} path parameter; 404 when it is not a number. */
    static Integer index(RoutingContext rc) {
        String idx = rc.pathParam("idx");
        if (idx == null) {
            return null;
        }
        try {
            return Integer.parseInt(idx);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No Ollama connection with index " + idx);
        }
    }
}
