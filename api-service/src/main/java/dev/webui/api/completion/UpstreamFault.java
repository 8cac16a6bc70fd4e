package dev.webui.api.completion;

import dev.webui.common.error.ApiException;
import io.vertx.core.VertxException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * A failure of the model provider, with the message the user sees and the HTTP status an API
 * client gets (502 for a provider that failed, 504 for one that went silent, the provider's own
 * 4xx for requests it refused, except authentication failures which are the admin's problem).
 */
public class UpstreamFault extends RuntimeException {
    private final int status;

    public UpstreamFault(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A provider that answered with an error status; {@code detail} is its error message, if any. */
    public static UpstreamFault ofStatus(int upstreamStatus, String detail) {
        String reason = detail == null || detail.isBlank() ? "" : ": " + detail;
        return switch (upstreamStatus) {
            case 401, 403 -> new UpstreamFault(502, "The model provider refused the API key (HTTP " + upstreamStatus + ")" + reason);
            case 429 -> new UpstreamFault(429, "The model provider is rate limiting requests (HTTP 429)" + reason);
            default -> upstreamStatus >= 500
                    ? new UpstreamFault(502, "The model provider failed (HTTP " + upstreamStatus + ")" + reason)
                    : new UpstreamFault(upstreamStatus >= 400 ? upstreamStatus : 502,
                    "The model provider rejected the request (HTTP " + upstreamStatus + ")" + reason);
        };
    }

    public static UpstreamFault of(Throwable error, String baseUrl, int timeoutSeconds) {
        if (error instanceof UpstreamFault fault) {
            return fault;
        }
        if (error instanceof ApiException refused) { // a payload step refused the request
            return new UpstreamFault(refused.status(), refused.detail());
        }
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof ConnectException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new UpstreamFault(502, "Could not reach the model provider at " + baseUrl + ": " + describe(cause));
        }
        if (cause instanceof TimeoutException || String.valueOf(cause.getMessage()).toLowerCase().contains("timeout")) {
            return new UpstreamFault(504, "The model provider at " + baseUrl + " did not answer within " + timeoutSeconds + " seconds");
        }
        if (cause instanceof VertxException && String.valueOf(cause.getMessage()).contains("closed")) {
            return cut();
        }
        return new UpstreamFault(502, "The model provider at " + baseUrl + " failed: " + describe(cause));
    }

    public static UpstreamFault cut() {
        return new UpstreamFault(502, "The model provider closed the connection before the answer was complete");
    }

    public static UpstreamFault malformed(String what) {
        return new UpstreamFault(502, "The model provider sent a malformed stream: " + what);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
