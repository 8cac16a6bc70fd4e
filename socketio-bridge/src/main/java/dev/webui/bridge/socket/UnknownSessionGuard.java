package dev.webui.bridge.socket;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.ClientsBox;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Answers a request naming an Engine.IO session this server does not hold (expired, from another
 * replica, or no session id at all) at once with Engine.IO's own error, 400
 * {@code {"code":1,"message":"Session ID unknown"}}. netty-socketio itself leaves such a polling
 * request without a complete answer (a non-UUID id even without any), which a proxy then holds open
 * for its whole read timeout.
 */
final class UnknownSessionGuard extends SocketIOChannelInitializer {
    static final String UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}";
    private static final Field CLIENTS = clientsField();

    private final String path;

    UnknownSessionGuard(String path) {
        this.path = path;
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(AUTHORIZE_HANDLER, "unknownSessionGuard", new Guard());
    }

    private boolean known(String sid) {
        try {
            return ((ClientsBox) CLIENTS.get(this)).get(UUID.fromString(sid)) != null;
        } catch (IllegalArgumentException notAnId) {
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** netty-socketio keeps its session table private; this reads it (the library version is pinned). */
    private static Field clientsField() {
        try {
            Field field = SocketIOChannelInitializer.class.getDeclaredField("clientsBox");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("netty-socketio changed: no session table to check unknown session ids against", e);
        }
    }

    @ChannelHandler.Sharable
    private final class Guard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof FullHttpRequest request) {
                QueryStringDecoder query = new QueryStringDecoder(request.uri());
                List<String> sid = query.parameters().get("sid");
                if (query.path().startsWith(path) && sid != null && !sid.isEmpty() && !known(sid.get(0))) {
                    request.release();
                    FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.BAD_REQUEST,
                            Unpooled.copiedBuffer(UNKNOWN, StandardCharsets.UTF_8));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            super.channelRead(ctx, msg);
        }
    }
}
