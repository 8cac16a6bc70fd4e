package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.error.ApiException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Speech engine failures as the caller sees them: 502 with the engine's reason, 504 for silence. */
final class EngineErrors {
    private EngineErrors() {
    }

    static EngineRefused ofStatus(EngineRequest call, int status, String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + reason;
        String what = status == 401 || status == 403 ? " refused the API key" : " failed";
        return new EngineRefused(status, "The " + call.engine() + what + " (HTTP " + status + ")" + why);
    }

    static ApiException of(EngineRequest call, Throwable error, int timeoutSeconds) {
        if (error instanceof ApiException api) {
            return api;
        }
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof ConnectException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof TimeoutException || message.toLowerCase().contains("timeout")) {
            return new ApiException(504, "The " + call.engine() + " at " + host(call.url()) + " did not answer within "
                    + timeoutSeconds + " seconds");
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new ApiException(502, "Could not reach the " + call.engine() + " at " + host(call.url()) + ": " + message);
        }
        return new ApiException(502, "The " + call.engine() + " at " + host(call.url()) + " failed: " + message);
    }

    /** The reason in an engine's error body: OpenAI's, Azure's, ElevenLabs', Deepgram's or FastAPI's shape, else its text. */
    static String reason(ObjectMapper mapper, io.vertx.core.buffer.Buffer body) {
        try {
            JsonNode json = mapper.readTree(body.getBytes());
            if (json != null && json.isObject()) {
                for (JsonNode candidate : new JsonNode[]{json.path("error").path("message"), json.path("error"),
                        json.path("detail").path("message"), json.path("detail"), json.path("err_msg"), json.path("message")}) {
                    if (candidate.isTextual() && !candidate.textValue().isBlank()) {
                        return cut(candidate.textValue());
                    }
                }
            }
        } catch (Exception ignored) {
            // not JSON: the text itself
        }
        return cut(body.toString().strip());
    }

    private static String host(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
