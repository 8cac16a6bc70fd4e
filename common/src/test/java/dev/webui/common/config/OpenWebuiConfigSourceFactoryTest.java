package dev.webui.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open WebUI's variables as the services' Quarkus properties. */
class OpenWebuiConfigSourceFactoryTest {

    @Test
    void queryOptionsReachTheReactiveClient() {
        Map<String, String> props = OpenWebuiConfigSourceFactory.translate(env(Map.of(
                "DATABASE_URL", "postgresql://u:p@h:5432/d?sslmode=require", "WEBUI_SECRET_KEY", "k")));
        assertEquals("require", props.get("quarkus.datasource.reactive.postgresql.ssl-mode"));
        assertEquals("true", props.get("quarkus.datasource.reactive.trust-all"));
    }

    @Test
    void poolVariablesSizeTheClients() {
        Map<String, String> props = OpenWebuiConfigSourceFactory.translate(env(Map.of("DATABASE_URL", "postgresql://u@h/d",
                "WEBUI_SECRET_KEY", "k", "DATABASE_POOL_SIZE", "10", "DATABASE_POOL_MAX_OVERFLOW", "5",
                "DATABASE_POOL_TIMEOUT", "7", "DATABASE_POOL_RECYCLE", "300")));
        assertEquals("15", props.get("quarkus.datasource.reactive.max-size"));
        assertEquals("300S", props.get("quarkus.datasource.reactive.max-lifetime"));
        assertEquals("7S", props.get("quarkus.datasource.migrations.jdbc.acquisition-timeout"));
        assertEquals("20", OpenWebuiConfigSourceFactory.translate(env(Map.of("DATABASE_URL", "postgresql://u@h/d",
                "WEBUI_SECRET_KEY", "k", "DATABASE_POOL_SIZE", "0"))).get("quarkus.datasource.reactive.max-size"));
        assertThrows(InvalidConfigurationException.class, () -> OpenWebuiConfigSourceFactory.translate(env(Map.of(
                "DATABASE_URL", "postgresql://u@h/d", "WEBUI_SECRET_KEY", "k", "DATABASE_POOL_SIZE", "ten"))));
    }

    @Test
    void missingSecretRefusesWithHowToSetIt() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> OpenWebuiConfigSourceFactory.translate(env(Map.of("DATABASE_URL", "postgresql://u@h/d"))));
        assertTrue(e.getMessage().startsWith("WEBUI_SECRET_KEY is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("WEBUI_SECRET_KEY="), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void redisUrlForms() {
        Map<String, String> base = Map.of("DATABASE_URL", "postgresql://u@h/d", "WEBUI_SECRET_KEY", "k");
        assertEquals(RedisUrl.DEFAULT, OpenWebuiConfigSourceFactory.translate(env(base)).get("quarkus.redis.hosts"));
        assertEquals("redis://:pw@cache:6380/2", RedisUrl.validate("redis://:pw@cache:6380/2"));
        assertEquals("rediss://user:pw@cache:6380", RedisUrl.validate("rediss://user:pw@cache:6380"));
        assertEquals("redis://cache", RedisUrl.validate("redis://cache"));
        assertThrows(InvalidConfigurationException.class, () -> RedisUrl.validate("http://cache:6379"));
        assertThrows(InvalidConfigurationException.class, () -> RedisUrl.validate("redis:///0"));
        assertThrows(InvalidConfigurationException.class, () -> RedisUrl.validate("redis://cache/zero"));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> RedisUrl.validate("redis://:hunter2@cache/x"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aBadDatabaseUrlStopsStartUpAsAConfigurationError() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> OpenWebuiConfigSourceFactory.translate(env(Map.of("DATABASE_URL", "mysql://u:secret@h/d", "WEBUI_SECRET_KEY", "k"))));
        assertTrue(e.getMessage().startsWith("DATABASE_URL is malformed"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    private static java.util.function.Function<String, String> env(Map<String, String> values) {
        return values::get;
    }
}
