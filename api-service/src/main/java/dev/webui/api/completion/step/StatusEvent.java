package dev.webui.api.completion.step;

import java.util.LinkedHashMap;
import java.util.Map;

/** The data of a {@code status} chat event. */
public final class StatusEvent {
    private StatusEvent() {
    }

    public static Map<String, Object> of(String action, String description, boolean done) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("action", action);
        if (description != null) {
            status.put("description", description);
        }
        status.put("done", done);
        return status;
    }

    /** A finished status marked as an error (the stock UI shows it in red). */
    public static Map<String, Object> error(String action, String description) {
        Map<String, Object> status = of(action, description, true);
        status.put("error", true);
        return status;
    }
}
