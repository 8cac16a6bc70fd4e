package dev.webui.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Settings of the Socket.IO bridge (docs/realtime.md lists them with their meaning). */
@ConfigMapping(prefix = "")
public interface BridgeConfig {
    /** BRIDGE_SOCKET_HOST: address the Socket.IO server binds. */
    @WithName("BRIDGE_SOCKET_HOST")
    @WithDefault("0.0.0.0")
    String socketHost();

    /** BRIDGE_SOCKET_PORT: port of the Socket.IO server (path /ws/socket.io). */
    @WithName("BRIDGE_SOCKET_PORT")
    @WithDefault("8081")
    int socketPort();

    /** ENABLE_WEBSOCKET_SUPPORT: true accepts websocket (and polling); false accepts polling only. */
    @WithName("ENABLE_WEBSOCKET_SUPPORT")
    @WithDefault("true")
    boolean enableWebsocketSupport();

    /** CORS_ALLOW_ORIGIN: "*" or one origin; several (";"-separated) turn CORS headers off. */
    @WithName("CORS_ALLOW_ORIGIN")
    @WithDefault("*")
    String corsAllowOrigin();

    /** BRIDGE_MAX_PAYLOAD: largest websocket frame / polling body in bytes. */
    @WithName("BRIDGE_MAX_PAYLOAD")
    @WithDefault("10485760")
    int maxPayload();

    /** BRIDGE_PING_INTERVAL: Engine.IO ping interval in milliseconds. */
    @WithName("BRIDGE_PING_INTERVAL")
    @WithDefault("25000")
    int pingInterval();

    /** BRIDGE_PING_TIMEOUT: Engine.IO ping timeout in milliseconds. */
    @WithName("BRIDGE_PING_TIMEOUT")
    @WithDefault("20000")
    int pingTimeout();

    /** BRIDGE_HEARTBEAT_INTERVAL: seconds between an instance's liveness marks and prunes of dead instances. */
    @WithName("BRIDGE_HEARTBEAT_INTERVAL")
    @WithDefault("5")
    int heartbeatInterval();

    /** BRIDGE_INSTANCE_TTL: seconds without a liveness mark after which an instance's sockets are pruned. */
    @WithName("BRIDGE_INSTANCE_TTL")
    @WithDefault("15")
    int instanceTtl();

    /** BRIDGE_INSTANCE_ID: name of this instance in Redis; a random id when unset. */
    @WithName("BRIDGE_INSTANCE_ID")
    Optional<String> instanceId();

    /** BYPASS_ADMIN_ACCESS_CONTROL: admins may read every channel and note. */
    @WithName("BYPASS_ADMIN_ACCESS_CONTROL")
    @WithDefault("true")
    boolean bypassAdminAccessControl();
}
