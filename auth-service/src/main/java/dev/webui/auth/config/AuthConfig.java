package dev.webui.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * Sign-in options that only the environment sets. Those an admin can edit are registered settings
 * (dev.webui.core.settings.Settings), read through {@link dev.webui.auth.settings.AuthSettingsService}.
 */
@ConfigMapping(prefix = "")
public interface AuthConfig {
    /** WEBUI_AUTH_SIGNOUT_REDIRECT_URL: where the UI goes after signing out (none: the sign-in page). */
    @WithName("WEBUI_AUTH_SIGNOUT_REDIRECT_URL")
    Optional<String> signoutRedirectUrl();

    /** WEBUI_AUTH_TRUSTED_EMAIL_HEADER: header set by an authenticating proxy; enables trusted-header sign-in. */
    @WithName("WEBUI_AUTH_TRUSTED_EMAIL_HEADER")
    Optional<String> trustedEmailHeader();

    /** WEBUI_AUTH_TRUSTED_NAME_HEADER: header with the display name for accounts made from the trusted header. */
    @WithName("WEBUI_AUTH_TRUSTED_NAME_HEADER")
    Optional<String> trustedNameHeader();

    /** BCRYPT_COST: log2 work factor for new password hashes (Open WebUI/passlib use 12). */
    @WithName("BCRYPT_COST")
    @WithDefault("12")
    int bcryptCost();
}
