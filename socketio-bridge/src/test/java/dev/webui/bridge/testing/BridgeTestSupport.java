package dev.webui.bridge.testing;

import dev.webui.bridge.socket.BridgeLifecycle;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventPublisher;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/** What the bridge's tests share: the running instance's port, Redis, the emit publisher and a Node driver per test. */
public abstract class BridgeTestSupport {
    @Inject
    protected ReactiveRedisDataSource redis;
    @Inject
    protected RedisKeys keys;
    @Inject
    protected EventPublisher publisher;
    @Inject
    protected BridgeLifecycle lifecycle;

    protected SocketClients clients;

    @BeforeEach
    void startDriver() {
        clients = new SocketClients();
    }

    @AfterEach
    void stopDriver() {
        clients.close();
    }

    protected int port() {
        return lifecycle.instance().port();
    }

    protected void publish(EmitRequest request) {
        publisher.emit(request).await().atMost(Duration.ofSeconds(5));
    }

    /** Waits until the fleet's bookkeeping lists the socket under the user. */
    protected void awaitRegistered(String sid, String userId) {
        awaitTrue(() -> redis.set(String.class).sismember(keys.bridgeUserSids(userId), sid).await().atMost(Duration.ofSeconds(5)),
                "socket " + sid + " registered for " + userId);
    }

    protected static void awaitTrue(BooleanSupplier condition, String what) {
        awaitTrue(condition, SocketClients.WAIT, what);
    }

    protected static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
