package dev.webui.bridge.testing;

import dev.webui.bridge.socket.BridgeInstance;
import dev.webui.bridge.socket.BridgeLifecycle;
import dev.webui.bridge.socket.BridgeServices;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestRedis;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.UUID;

/** A second bridge instance beside the application under test: same code, own port and Redis connection. */
public final class SecondBridge implements AutoCloseable {
    private final Redis redis;
    private final BridgeInstance instance;

    public SecondBridge(Vertx vertx, BridgeLifecycle lifecycle, RedisKeys keys) throws Exception {
        redis = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class)));
        var data = new ReactiveRedisDataSourceImpl(vertx, redis, RedisAPI.api(redis));
        BridgeServices shared = lifecycle.services();
        BridgeServices services = new BridgeServices(data, keys, shared.json(), shared.jwt(), shared.revocation(),
                shared.users(), shared.access(), shared.metrics());
        instance = new BridgeInstance(lifecycle.settings().withInstance("test-b-" + UUID.randomUUID().toString().substring(0, 8),
                TestRedis.freePort()), services);
        instance.start();
    }

    public int port() {
        return instance.port();
    }

    @Override
    public void close() {
        instance.close();
        redis.close();
    }
}
