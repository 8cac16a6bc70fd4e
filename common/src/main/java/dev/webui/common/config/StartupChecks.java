package dev.webui.common.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start, with one line that says what to set, when Open WebUI's variables are missing or
 * malformed (no WEBUI_SECRET_KEY, a bad DATABASE_URL, a trusted proxy that would need DNS, ...). Runs
 * before anything touches a database.
 */
@ApplicationScoped
public class StartupChecks {
    static final int PRIORITY = 1;

    void check(@Observes @Priority(PRIORITY) StartupEvent event, Config config) {
        OpenWebuiConfigSourceFactory.translate(name -> config.getOptionalValue(name, String.class).orElse(null));
        config.getOptionalValues(TrustedProxies.PROPERTY, String.class).ifPresent(TrustedProxies::requireLiteral);
    }
}
