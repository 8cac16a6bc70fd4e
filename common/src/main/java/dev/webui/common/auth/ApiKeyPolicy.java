package dev.webui.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.error.ApiException;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Whether an sk- API key may be used at all, and on which paths: the registered settings
 * ENABLE_API_KEY, ENABLE_API_KEY_ENDPOINT_RESTRICTIONS and API_KEY_ALLOWED_ENDPOINTS
 * ({@code auth.api_key.*}), read with the suite's precedence.
 */
@ApplicationScoped
public class ApiKeyPolicy {
    record Rules(boolean enabled, boolean restricted, List<String> allowedEndpoints) {
    }

    private final SettingsReader settings;

    public ApiKeyPolicy(SettingsReader settings) {
        this.settings = settings;
    }

    /** Fails with a 403 {@link ApiException} when a key may not call this path. */
    public Uni<Void> check(String path) {
        return rules().map(rules -> {
            if (!rules.enabled()) {
                throw new ApiException(403, "API key usage is disabled on this server.");
            }
            if (rules.restricted() && !allowed(path, rules.allowedEndpoints())) {
                throw new ApiException(403, "This API key may not call " + path + ".");
            }
            return null;
        });
    }

    private Uni<Rules> rules() {
        return settings.reload().map(ignored -> merge(
                new Rules(settings.environment(Settings.ENABLE_API_KEY).asBoolean(),
                        settings.environment(Settings.ENABLE_API_KEY_ENDPOINT_RESTRICTIONS).asBoolean(),
                        endpoints(settings.environment(Settings.API_KEY_ALLOWED_ENDPOINTS).asText(""))),
                settings.get(Settings.ENABLE_API_KEY), settings.get(Settings.ENABLE_API_KEY_ENDPOINT_RESTRICTIONS),
                settings.get(Settings.API_KEY_ALLOWED_ENDPOINTS)));
    }

    /** The effective values, where one of the wrong kind (saved by another program) leaves the environment's. */
    static Rules merge(Rules environment, JsonNode enable, JsonNode restrictions, JsonNode endpoints) {
        return new Rules(enable != null && enable.isBoolean() ? enable.booleanValue() : environment.enabled(),
                restrictions != null && restrictions.isBoolean() ? restrictions.booleanValue() : environment.restricted(),
                endpoints != null && endpoints.isTextual() ? endpoints(endpoints.textValue()) : environment.allowedEndpoints());
    }

    private static List<String> endpoints(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
    }

    static boolean allowed(String path, List<String> endpoints) {
        for (String raw : endpoints) {
            String endpoint = raw.trim();
            if (endpoint.endsWith("/")) {
                endpoint = endpoint.substring(0, endpoint.length() - 1);
            }
            if (!endpoint.isEmpty() && (path.equals(endpoint) || path.startsWith(endpoint + "/"))) {
                return true;
            }
        }
        return false;
    }
}
