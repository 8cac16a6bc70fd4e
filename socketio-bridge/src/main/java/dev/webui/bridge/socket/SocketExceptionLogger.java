package dev.webui.bridge.socket;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import io.netty.channel.ChannelHandlerContext;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;

/**
 * Logs handler failures with the socket id, and treats a browser that vanished (connection reset)
 * as the everyday event it is rather than an error with a stack trace.
 */
final class SocketExceptionLogger extends ExceptionListenerAdapter {
    private static final Logger LOG = Logger.getLogger(SocketExceptionLogger.class);

    @Override
    public void onEventException(Exception e, List<Object> data, SocketIOClient client) {
        LOG.warnf(e, "Event handler failed for socket %s", client.getSessionId());
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        LOG.warnf(e, "Connect handler failed for socket %s", client.getSessionId());
    }

    @Override
    public void onDisconnectException(Exception e, SocketIOClient client) {
        LOG.warnf(e, "Disconnect handler failed for socket %s", client.getSessionId());
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        LOG.warnf(e, "Handshake authentication failed for socket %s", client.getSessionId());
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        if (e instanceof IOException) {
            LOG.debugf("Connection to %s lost: %s", ctx.channel().remoteAddress(), e.getMessage());
        } else {
            LOG.warnf(e, "Socket channel %s failed", ctx.channel().remoteAddress());
        }
        ctx.close();
        return true;
    }
}
