package dev.webui.bridge.config;

import dev.webui.common.config.InvalidConfigurationException;

import java.util.UUID;

/** The resolved settings of one bridge instance (a record, so a second instance can be built by hand). */
public record BridgeSettings(String instanceId, String host, int port, boolean websocket, String corsOrigin,
                             int maxPayload, int pingInterval, int pingTimeout, int heartbeatInterval, int instanceTtl,
                             boolean bypassAdminAccessControl) {

    public static BridgeSettings from(BridgeConfig config) {
        if (config.instanceTtl() <= config.heartbeatInterval()) {
            throw new InvalidConfigurationException("BRIDGE_INSTANCE_TTL (" + config.instanceTtl()
                    + ") must be larger than BRIDGE_HEARTBEAT_INTERVAL (" + config.heartbeatInterval() + ")");
        }
        return new BridgeSettings(config.instanceId().orElseGet(() -> UUID.randomUUID().toString()),
                config.socketHost(), config.socketPort(), config.enableWebsocketSupport(),
                corsOrigin(config.corsAllowOrigin()), config.maxPayload(), config.pingInterval(), config.pingTimeout(),
                config.heartbeatInterval(), config.instanceTtl(), config.bypassAdminAccessControl());
    }

    public BridgeSettings withInstance(String id, int socketPort) {
        return new BridgeSettings(id, host, socketPort, websocket, corsOrigin, maxPayload, pingInterval, pingTimeout,
                heartbeatInterval, instanceTtl, bypassAdminAccessControl);
    }

    /** The single origin CORS headers name, or null (no CORS headers) when several are configured. */
    static String corsOrigin(String configured) {
        String value = configured.trim();
        return value.isEmpty() || value.contains(";") ? null : value;
    }
}
