package dev.webui.bridge;

import dev.webui.common.testing.PackagedServiceContract;
import dev.webui.common.testing.TestRedis;

import java.io.IOException;
import java.util.Map;

class PackagedServiceIT extends PackagedServiceContract {
    @Override
    protected Map<String, String> extraEnvironment() throws IOException {
        return Map.of("BRIDGE_SOCKET_PORT", Integer.toString(TestRedis.freePort()));
    }
}
