package dev.webui.api.fileservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.calls.ServiceErrors;
import dev.webui.api.calls.ServiceRefused;
import jakarta.ws.rs.core.Response;

/**
 * Sorts answers by status like {@link ServiceErrors}, and keeps a refusal's {@code detail} in its
 * message: for web search it says what the engine or the page did wrong, which the user is shown.
 */
public class DetailedErrors extends ServiceErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 500;

    @Override
    public RuntimeException toThrowable(Response response) {
        RuntimeException sorted = super.toThrowable(response);
        if (!(sorted instanceof ServiceRefused refused)) {
            return sorted;
        }
        try {
            JsonNode detail = JSON.readTree(response.readEntity(String.class)).path("detail");
            String text = detail.isTextual() ? detail.asText() : "";
            return text.isBlank() ? sorted
                    : new ServiceRefused(refused.status(), refused.getMessage() + ": " + text.substring(0, Math.min(MAX_DETAIL, text.length())));
        } catch (RuntimeException | java.io.IOException e) {
            return sorted;
        }
    }
}
