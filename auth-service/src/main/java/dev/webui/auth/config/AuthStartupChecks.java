package dev.webui.auth.config;

import dev.webui.common.config.CoreConfig;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.config.JwtExpiry;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.Settings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;

/** Refuses to start, in one line, with sign-in settings that would only fail later. */
@ApplicationScoped
public class AuthStartupChecks {
    void check(@Observes @Priority(2) StartupEvent event, AuthConfig auth, CoreConfig core, ThrottleConfig throttle, SettingsReader settings) {
        String role = settings.environment(Settings.DEFAULT_USER_ROLE).asText();
        if (!Set.of("pending", "user", "admin").contains(role)) {
            throw new InvalidConfigurationException("DEFAULT_USER_ROLE must be pending, user or admin, not '" + role + "'");
        }
        if (!Set.of("lax", "strict", "none").contains(core.webuiAuthCookieSameSite().toLowerCase())) {
            throw new InvalidConfigurationException("WEBUI_AUTH_COOKIE_SAME_SITE must be lax, strict or none, not '" + core.webuiAuthCookieSameSite() + "'");
        }
        JwtExpiry.parse(settings.environment(Settings.JWT_EXPIRES_IN).asText());
        if (auth.bcryptCost() < 10 || auth.bcryptCost() > 16) {
            throw new InvalidConfigurationException("BCRYPT_COST must be between 10 and 16, not " + auth.bcryptCost());
        }
        if (throttle.maxFailuresPerAccount() < 1 || throttle.maxFailuresPerAddress() < 1 || throttle.lockoutSeconds() < 1) {
            throw new InvalidConfigurationException("SIGNIN_MAX_FAILURES_PER_ACCOUNT, SIGNIN_MAX_FAILURES_PER_ADDRESS and SIGNIN_LOCKOUT_SECONDS must be at least 1");
        }
    }
}
