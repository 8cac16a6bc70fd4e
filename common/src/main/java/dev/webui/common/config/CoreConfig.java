package dev.webui.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Settings every service reads, under Open WebUI's environment variable names. */
@ConfigMapping(prefix = "")
public interface CoreConfig {
    /** WEBUI_SECRET_KEY: signs and verifies every JWT; shared by all services and replicas. */
    @WithName("WEBUI_SECRET_KEY")
    Optional<String> webuiSecretKey();

    /** REDIS_KEY_PREFIX: namespace of every key and channel the suite uses in Redis. */
    @WithName("REDIS_KEY_PREFIX")
    @WithDefault("open-webui")
    String redisKeyPrefix();

    /** WEBUI_AUTH_COOKIE_SECURE: marks the token cookie Secure (also implied by an https WEBUI_URL). */
    @WithName("WEBUI_AUTH_COOKIE_SECURE")
    @WithDefault("false")
    boolean webuiAuthCookieSecure();

    /** WEBUI_AUTH_COOKIE_SAME_SITE: lax, strict or none. */
    @WithName("WEBUI_AUTH_COOKIE_SAME_SITE")
    @WithDefault("lax")
    String webuiAuthCookieSameSite();

    /** USER_CACHE_TTL: seconds a replica may serve a user from memory before reading it again. */
    @WithName("USER_CACHE_TTL")
    @WithDefault("60")
    int userCacheTtl();
}
