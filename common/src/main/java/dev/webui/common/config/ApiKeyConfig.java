package dev.webui.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/** Environment defaults of the API-key policy; admins may override them in the config table. */
@ConfigMapping(prefix = "")
public interface ApiKeyConfig {
    /** ENABLE_API_KEY: whether sk- keys are accepted at all. */
    @WithName("ENABLE_API_KEY")
    @WithDefault("true")
    boolean enableApiKey();

    /** ENABLE_API_KEY_ENDPOINT_RESTRICTIONS: limit keys to API_KEY_ALLOWED_ENDPOINTS. */
    @WithName("ENABLE_API_KEY_ENDPOINT_RESTRICTIONS")
    @WithDefault("false")
    boolean enableApiKeyEndpointRestrictions();

    /** API_KEY_ALLOWED_ENDPOINTS: comma-separated paths a key may call (each also covers its sub-paths). */
    @WithName("API_KEY_ALLOWED_ENDPOINTS")
    Optional<List<String>> apiKeyAllowedEndpoints();

    /** ENABLE_PERSISTENT_CONFIG: values an admin saved in the config table override these defaults. */
    @WithName("ENABLE_PERSISTENT_CONFIG")
    @WithDefault("true")
    boolean enablePersistentConfig();
}
