package dev.webui.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.config.ApiKeyConfig;
import dev.webui.common.error.ApiException;
import dev.webui.common.settings.SettingsDocument;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Whether an sk- API key may be used at all, and on which paths. The environment gives the
 * defaults (ENABLE_API_KEY, ENABLE_API_KEY_ENDPOINT_RESTRICTIONS, API_KEY_ALLOWED_ENDPOINTS);
 * values an admin saved in the settings document ({@code auth.api_key.*}) win while
 * ENABLE_PERSISTENT_CONFIG is on.
 */
@ApplicationScoped
public class ApiKeyPolicy {
    record Rules(boolean enabled, boolean restricted, List<String> allowedEndpoints) {
    }

    private final ApiKeyConfig config;
    private final SettingsDocument settings;

    public ApiKeyPolicy(ApiKeyConfig config, SettingsDocument settings) {
        this.config = config;
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
        Rules defaults = new Rules(config.enableApiKey(), config.enableApiKeyEndpointRestrictions(),
                config.apiKeyAllowedEndpoints().orElse(List.of()));
        if (!config.enablePersistentConfig()) {
            return Uni.createFrom().item(defaults);
        }
        return settings.get("auth.api_key").map(saved -> saved != null && saved.isObject() ? merge(defaults, saved) : defaults);
    }

    static Rules merge(Rules defaults, JsonNode saved) {
        JsonNode enable = saved.get("enable");
        JsonNode restrictions = saved.get("endpoint_restrictions");
        JsonNode endpoints = saved.get("allowed_endpoints");
        return new Rules(enable != null && enable.isBoolean() ? enable.booleanValue() : defaults.enabled(),
                restrictions != null && restrictions.isBoolean() ? restrictions.booleanValue() : defaults.restricted(),
                endpoints != null && endpoints.isTextual()
                        ? Arrays.stream(endpoints.textValue().split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList()
                        : defaults.allowedEndpoints());
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
