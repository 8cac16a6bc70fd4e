package dev.webui.common.http;

import dev.webui.common.json.RequestLimitsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Refuses a body whose declared length is over the route's limit before a byte of it is read:
 * REQUEST_BODY_MAX_SIZE everywhere, LARGE_REQUEST_BODY_MAX_SIZE on the routes a service lists
 * (chats and completions carry images). Multipart uploads have limits of their own. Bodies sent
 * without a length are bounded by quarkus.http.limits.max-body-size and the JSON read limits.
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long ordinary;
    private final long large;
    private final List<String> largePaths;

    public BodySizeLimit(RequestLimitsConfig limits) {
        this.ordinary = limits.requestBodyMaxSize().asLongValue();
        this.large = limits.largeRequestBodyMaxSize().asLongValue();
        this.largePaths = limits.largeBodyPaths().orElse(List.of());
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        String type = ctx.request().getHeader("Content-Type");
        if (declared == null || type != null && type.toLowerCase().startsWith("multipart/")) {
            ctx.next();
            return;
        }
        long limit = limitFor(ctx.request().path());
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            ctx.next(); // a malformed length is the HTTP layer's business
            return;
        }
        if (length > limit) {
            ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                    .end(new JsonObject().put("detail", "The request body is too large: " + length + " bytes, at most "
                            + limit + " bytes are accepted here").encode());
            return;
        }
        ctx.next();
    }

    long limitFor(String path) {
        for (String prefix : largePaths) {
            if (path.startsWith(prefix)) {
                return large;
            }
        }
        return ordinary;
    }
}
