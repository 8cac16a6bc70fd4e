package dev.webui.common.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's X-Request-Id when it is sane (a gateway's), a new one
 * otherwise. The id is echoed in the response and written in the access log line.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = context.request().getHeader(HEADER);
            if (id == null || !SANE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                context.request().headers().set(HEADER, id);
            }
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id == null ? "-" : id;
    }
}
