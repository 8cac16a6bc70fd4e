package dev.webui.common.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's X-Request-Id when it is sane, a new one otherwise. The
 * caller's id is taken on trust: the gateway sets one on every request and our services forward it
 * to each other; an id a client made up only labels log lines, and the pattern keeps it to one
 * short token. The id is echoed in the response, written in the access log line and put in the
 * logging context ({@value #MDC_KEY}), which Quarkus keeps on the request's Vert.x context, so
 * every log line written while serving the request carries it, also after asynchronous steps.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = context.request().getHeader(HEADER);
            if (id == null || !SANE.matcher(id).matches()) {
                id = newId();
                context.request().headers().set(HEADER, id);
            }
            context.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            context.next();
        });
    }

    /**
     * A random id in UUID form. Ids label log lines and need not be unpredictable, so they come
     * from the thread's own generator: UUID.randomUUID() draws from the shared SecureRandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (1L << 63)).toString();
    }

    /** The id of the request being served here, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id == null ? "-" : id;
    }
}
