package dev.webui.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Brute-force protection of the sign-in endpoints (not an Open WebUI feature; our own names). */
@ConfigMapping(prefix = "")
public interface ThrottleConfig {
    /** SIGNIN_MAX_FAILURES_PER_ACCOUNT: failed sign-ins for one e-mail/user name before it is refused for a while. */
    @WithName("SIGNIN_MAX_FAILURES_PER_ACCOUNT")
    @WithDefault("5")
    int maxFailuresPerAccount();

    /** SIGNIN_MAX_FAILURES_PER_ADDRESS: failed sign-ins from one client address before it is refused for a while. */
    @WithName("SIGNIN_MAX_FAILURES_PER_ADDRESS")
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** SIGNIN_LOCKOUT_SECONDS: how long failures are counted, and how long a refusal lasts. */
    @WithName("SIGNIN_LOCKOUT_SECONDS")
    @WithDefault("900")
    int lockoutSeconds();
}
