package dev.webui.bridge.config;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.Transport;
import dev.webui.bridge.socket.SocketServerFactory;
import dev.webui.common.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The netty-socketio settings that must never be left to their defaults. */
class SocketSettingsTest {
    private static BridgeSettings settings(boolean websocket, String cors) {
        return new BridgeSettings("i", "127.0.0.1", 0, websocket, BridgeSettings.corsOrigin(cors), 5_000_000, 25000, 20000, 5, 15, true);
    }

    @Test
    void serverSettings() {
        Configuration config = SocketServerFactory.create(settings(true, "*")).getConfiguration();
        assertEquals("/ws/socket.io", config.getContext());
        assertTrue(config.isRandomSession(), "sids never come from the io cookie");
        assertEquals(AckMode.MANUAL, config.getAckMode());
        assertEquals(5_000_000, config.getMaxFramePayloadLength());
        assertEquals(5_000_000, config.getMaxHttpContentLength());
        assertEquals(List.of(Transport.WEBSOCKET, Transport.POLLING), config.getTransports());
        assertEquals(List.of(Transport.POLLING), SocketServerFactory.create(settings(false, "*")).getConfiguration().getTransports());
    }

    @Test
    void corsNeverReflects() {
        Configuration any = SocketServerFactory.create(settings(true, "*")).getConfiguration();
        assertTrue(any.isEnableCors());
        assertEquals("*", any.getOrigin());
        assertEquals("https://chat.example", SocketServerFactory.create(settings(true, " https://chat.example ")).getConfiguration().getOrigin());
        Configuration several = SocketServerFactory.create(settings(true, "https://a.example;https://b.example")).getConfiguration();
        assertFalse(several.isEnableCors());
        assertNull(several.getOrigin());
    }

    @Test
    void instanceTtlMustOutliveTheHeartbeat() {
        BridgeConfig config = new BridgeConfig() {
            public String socketHost() { return "0.0.0.0"; }
            public int socketPort() { return 8081; }
            public boolean enableWebsocketSupport() { return true; }
            public String corsAllowOrigin() { return "*"; }
            public int maxPayload() { return 1; }
            public int pingInterval() { return 1; }
            public int pingTimeout() { return 1; }
            public int heartbeatInterval() { return 5; }
            public int instanceTtl() { return 5; }
            public java.util.Optional<String> instanceId() { return java.util.Optional.empty(); }
            public boolean bypassAdminAccessControl() { return true; }
        };
        assertThrows(InvalidConfigurationException.class, () -> BridgeSettings.from(config));
    }
}
