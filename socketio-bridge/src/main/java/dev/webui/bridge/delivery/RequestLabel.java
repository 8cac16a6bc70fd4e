package dev.webui.bridge.delivery;

import dev.webui.common.http.RequestIds;
import org.jboss.logging.MDC;

/**
 * Labels the log lines written while an event from a service is handled with the id of the request
 * that caused it (the {@code request_id} of the event; absent in events of older publishers).
 */
final class RequestLabel implements AutoCloseable {
    private static final RequestLabel NONE = new RequestLabel(false);

    private final boolean set;

    private RequestLabel(boolean set) {
        this.set = set;
    }

    static RequestLabel of(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return NONE;
        }
        MDC.put(RequestIds.MDC_KEY, requestId);
        return new RequestLabel(true);
    }

    @Override
    public void close() {
        if (set) {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
