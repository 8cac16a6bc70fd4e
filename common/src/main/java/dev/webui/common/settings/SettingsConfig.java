package dev.webui.common.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How saved settings relate to the environment. */
@ConfigMapping(prefix = "")
public interface SettingsConfig {
    /** ENABLE_PERSISTENT_CONFIG: values saved by admins override the environment (Open WebUI's default). */
    @WithName("ENABLE_PERSISTENT_CONFIG")
    @WithDefault("true")
    boolean enablePersistentConfig();
}
