package dev.webui.api.relay;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ErrorResponse;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/** For plain Vert.x routes: the caller as a verified user (else 401 with a detail), back on the request's context. */
public final class VerifiedRoute {
    private VerifiedRoute() {
    }

    public static void then(RoutingContext rc, Consumer<AuthenticatedUser> handler) {
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> context.runOnContext(v -> {
                    AuthenticatedUser user = AuthenticatedUser.of(identity);
                    if (user == null || !user.isVerified()) {
                        reply(rc, 401, user == null ? "Not authenticated" : "Your account is awaiting approval");
                    } else {
                        handler.accept(user);
                    }
                }),
                e -> context.runOnContext(v -> reply(rc, 401, "Invalid token or not signed in")));
    }

    public static void reply(RoutingContext rc, int status, String detail) {
        if (rc.response().ended() || rc.response().closed() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(new ErrorResponse(detail)));
    }
}
