package dev.webui.api.http;

import dev.webui.common.error.ErrorResponse;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two things JAX-RS cannot express: a request body over the limit is refused with 413 and a
 * {@code detail} before it is read, and {@code /api/v1/models} without a trailing slash (the
 * OpenAI-style model list) is a different endpoint from {@code /api/v1/models/} (presets).
 */
@ApplicationScoped
public class HttpRoutes {
    private final long maxBodySize;

    public HttpRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(new ErrorResponse("Request body too large: the limit is " + maxBodySize + " bytes")));
                return;
            }
            if ("/api/v1/models".equals(rc.request().path())) {
                rc.reroute("/api/models" + (rc.request().query() == null ? "" : "?" + rc.request().query()));
                return;
            }
            rc.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
