package dev.webui.bridge.socket;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import dev.webui.bridge.config.BridgeSettings;

/**
 * Builds the netty-socketio server with every default that matters set on purpose:
 * the stock UI's path, frame limits large enough for whole chat replies, JSON read limits, session ids that never
 * come from the client's {@code io} cookie, CORS that never reflects arbitrary origins, and manual
 * acks (handlers answer after asynchronous work; automatic acks would answer empty first), and an
 * immediate Engine.IO error for requests naming an unknown session.
 */
public final class SocketServerFactory {
    public static final String PATH = "/ws/socket.io";

    private SocketServerFactory() {
    }

    public static SocketIOServer create(BridgeSettings settings) {
        Configuration config = new Configuration();
        config.setHostname(settings.host());
        config.setPort(settings.port());
        config.setContext(PATH);
        config.setTransports(settings.websocket()
                ? new Transport[] {Transport.WEBSOCKET, Transport.POLLING}
                : new Transport[] {Transport.POLLING});
        config.setPingInterval(settings.pingInterval());
        config.setPingTimeout(settings.pingTimeout());
        config.setMaxFramePayloadLength(settings.maxPayload());
        config.setMaxHttpContentLength(settings.maxPayload());
        config.setRandomSession(true);
        config.setEnableCors(settings.corsOrigin() != null);
        config.setOrigin(settings.corsOrigin());
        config.setAckMode(AckMode.MANUAL);
        config.setAddVersionHeader(false);
        config.setExceptionListener(new SocketExceptionLogger());
        config.setJsonSupport(new LimitedJsonSupport());
        config.getSocketConfig().setReuseAddress(true);
        SocketIOServer server = new SocketIOServer(config);
        server.setPipelineFactory(new UnknownSessionGuard(PATH));
        return server;
    }
}
