package dev.webui.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a test run its own PostgreSQL database (created here, dropped afterwards), its own Redis key
 * prefix and its own secret, through the same variables a deployment uses. Pass
 * {@code redis-url} as an init arg to point the run at another Redis.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {
    public static final String SECRET_PREFIX = "test-secret-";

    private TestDatabase database;
    private String redisPrefix;
    private String redisUrl = TestRedis.SHARED_URL;

    @Override
    public void init(Map<String, String> initArgs) {
        redisUrl = initArgs.getOrDefault("redis-url", redisUrl);
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create();
        redisPrefix = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = new HashMap<>();
        config.put("DATABASE_URL", database.url());
        config.put("REDIS_URL", redisUrl);
        config.put("REDIS_KEY_PREFIX", redisPrefix);
        config.put("WEBUI_SECRET_KEY", SECRET_PREFIX + UUID.randomUUID());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
        if (redisPrefix != null) {
            TestRedis.deleteKeys(redisUrl, redisPrefix);
        }
    }
}
