package dev.webui.common.config;

import dev.webui.core.config.InvalidEnvironmentException;
import dev.webui.core.db.DatabaseConnection;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Translates Open WebUI's environment variables (DATABASE_URL and friends, REDIS_URL) into the
 * Quarkus properties of the reactive client (the default datasource), Flyway's JDBC datasource
 * (named "migrations", so that no blocking Hibernate ORM unit is started) and the Redis client.
 * Invalid or missing values are reported by {@link StartupChecks}. An explicit quarkus.* property set in the environment still wins (ordinal 275 is below the
 * environment's 300 and above application.properties' 250).
 */
public class OpenWebuiConfigSourceFactory implements ConfigSourceFactory {
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        try {
            return List.of(new PropertiesConfigSource(translate(name -> value(context, name)), "open-webui-environment", ORDINAL));
        } catch (InvalidConfigurationException e) {
            // Also called while the application is built, where no deployment variables exist;
            // StartupChecks repeats the translation at run time and refuses to start.
            return List.of();
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    public static Map<String, String> translate(Function<String, String> env) {
        String secret = env.apply("WEBUI_SECRET_KEY");
        if (secret == null || secret.isBlank()) {
            throw new InvalidConfigurationException("WEBUI_SECRET_KEY is not set: every service needs the same secret to sign and check sign-ins; "
                    + "set it in the environment or in .env, e.g. WEBUI_SECRET_KEY=$(openssl rand -hex 32) (keep your old Open WebUI key to keep its sessions valid)");
        }
        JwtExpiry.parse(env.apply("JWT_EXPIRES_IN") == null ? "4w" : env.apply("JWT_EXPIRES_IN"));
        Map<String, String> props = new HashMap<>();
        DatabaseConnection db;
        try {
            db = DatabaseConnection.fromEnvironment(env);
        } catch (InvalidEnvironmentException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
        props.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        props.put("quarkus.datasource.username", db.user());
        props.put("quarkus.datasource.migrations.jdbc.url", db.jdbcUrl());
        props.put("quarkus.datasource.migrations.username", db.user());
        if (db.password() != null) {
            props.put("quarkus.datasource.password", db.password());
            props.put("quarkus.datasource.migrations.password", db.password());
        }
        db.sslMode().ifPresent(mode -> {
            props.put("quarkus.datasource.reactive.postgresql.ssl-mode", mode);
            if (mode.equals("require") || mode.equals("prefer") || mode.equals("allow")) {
                props.put("quarkus.datasource.reactive.trust-all", "true");
            }
            if (mode.equals("verify-full")) {
                props.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
            }
        });
        if (db.options().containsKey("sslrootcert")) {
            props.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
            props.put("quarkus.datasource.reactive.trust-certificate-pem.certs", db.options().get("sslrootcert"));
        }
        DatabasePool pool = DatabasePool.fromEnvironment(env);
        props.put("quarkus.datasource.reactive.max-size", Integer.toString(pool.maxSize()));
        props.put("quarkus.datasource.reactive.max-lifetime", pool.recycleSeconds() + "S");
        props.put("quarkus.datasource.migrations.jdbc.acquisition-timeout", pool.timeoutSeconds() + "S");

        String redis = env.apply("REDIS_URL");
        props.put("quarkus.redis.hosts", RedisUrl.validate(redis == null || redis.isBlank() ? RedisUrl.DEFAULT : redis));
        // read by api-service's persistence unit: it is activated only with a valid configuration
        props.put("webui.datasource.configured", "true");
        return props;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
