package dev.webui.bridge.testing;

import dev.webui.common.testing.TestRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** Puts the test's bridge on a free socket port, with a short heartbeat so pruning is observable quickly. */
public class BridgeTestResource implements QuarkusTestResourceLifecycleManager {
    public static final int HEARTBEAT_SECONDS = 1;
    public static final int INSTANCE_TTL_SECONDS = 3;

    @Override
    public Map<String, String> start() {
        try {
            return Map.of("BRIDGE_SOCKET_PORT", Integer.toString(TestRedis.freePort()),
                    "BRIDGE_SOCKET_HOST", "127.0.0.1",
                    "BRIDGE_HEARTBEAT_INTERVAL", Integer.toString(HEARTBEAT_SECONDS),
                    "BRIDGE_INSTANCE_TTL", Integer.toString(INSTANCE_TTL_SECONDS),
                    "BRIDGE_INSTANCE_ID", "test-a-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
