package dev.webui.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * {@link TestEnvironment} with a redis-server of the test class's own, which the test may stop and
 * start ({@link #redis()}) to see how the service behaves while Redis is down.
 */
public class PrivateRedisEnvironment implements QuarkusTestResourceLifecycleManager {
    private static volatile TestRedis redis;
    private final TestEnvironment environment = new TestEnvironment();

    public static TestRedis redis() {
        return redis;
    }

    @Override
    public Map<String, String> start() {
        redis = TestRedis.startPrivate();
        environment.init(Map.of("redis-url", redis.url()));
        return environment.start();
    }

    @Override
    public void stop() {
        environment.stop();
        redis.stop();
    }
}
