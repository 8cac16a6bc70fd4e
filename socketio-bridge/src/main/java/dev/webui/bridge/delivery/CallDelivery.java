package dev.webui.bridge.delivery;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.bridge.metrics.InstanceMetrics;
import dev.webui.bridge.session.LocalSessions;
import dev.webui.common.events.CallReply;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Runs an event call (docs/realtime.md, "Delivery from the services") when this instance holds the socket: emits with an ack
 * callback and publishes the client's answer, or a timeout, on the caller's reply channel.
 * Instances that do not hold the socket stay silent. A call that names a stream to {@code listen} to
 * has it forwarded by {@link StreamForwards}, when the name belongs to the socket's own user and session.
 */
public final class CallDelivery {
    private static final Logger LOG = Logger.getLogger(CallDelivery.class);
    private static final long DEFAULT_TIMEOUT_MS = 60_000;
    private static final long MAX_TIMEOUT_MS = 600_000;
    private static final int MAX_STREAM_NAME = 512;

    private final SocketIOServer server;
    private final LocalSessions local;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final InstanceMetrics metrics;
    private final StreamForwards forwards;

    public CallDelivery(SocketIOServer server, LocalSessions local, ReactiveRedisDataSource redis, RedisKeys keys,
                        ObjectMapper json, InstanceMetrics metrics, StreamForwards forwards) {
        this.forwards = forwards;
        this.server = server;
        this.local = local;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.metrics = metrics;
    }

    public void handle(String message) {
        JsonNode call;
        try {
            call = json.readTree(message);
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring a malformed event call: %s", e.getOriginalMessage());
            return;
        }
        if (call.path("release").isTextual()) {
            forwards.release(call.get("release").textValue());
            return;
        }
        String requestId = call.path("request_id").asText(null);
        try (RequestLabel label = RequestLabel.of(requestId)) {
            handle(call, requestId);
        }
    }

    private void handle(JsonNode call, String requestId) {
        String id = call.path("id").asText("");
        String event = call.path("event").asText("");
        String replyTo = call.path("reply_to").asText("");
        UUID sid = EmitDelivery.parse(call.path("sid").asText(null)).orElse(null);
        if (sid == null || !local.isBound(sid)) {
            return;
        }
        SocketIOClient client = server.getClient(sid);
        if (client == null || id.isEmpty() || event.isEmpty() || !replyTo.startsWith(keys.callReplyChannel(""))) {
            return;
        }
        if (!ownSocket(client, call.path("user_id").asText(""))) {
            LOG.warnf("Refused a call on socket %s: it does not belong to the user the call is made for", sid);
            reply(requestId, replyTo, new CallReply(id, null, CallReply.REFUSED));
            return;
        }
        long timeoutMs = call.path("timeout_ms").asLong(DEFAULT_TIMEOUT_MS);
        long boundedMs = Math.min(timeoutMs <= 0 ? DEFAULT_TIMEOUT_MS : timeoutMs, MAX_TIMEOUT_MS);
        int seconds = (int) Math.max(1, (boundedMs + 999) / 1000);
        String listen = call.path("listen").asText("");
        if (!listen.isEmpty()) {
            if (!ownStream(client, sid, listen)) {
                LOG.warnf("Refused a call on socket %s: stream %s does not belong to its session", sid, listen);
                reply(requestId, replyTo, new CallReply(id, null, CallReply.REFUSED));
                return;
            }
            forwards.open(id, listen, sid, replyTo, boundedMs);
        }
        LOG.debugf("Calling %s on socket %s", event, sid);
        // Object, not JsonNode: netty-socketio hands primitive answers (true, "text") over as Java values.
        client.sendEvent(event, new AckCallback<>(Object.class, seconds) {
            @Override
            public void onSuccess(Object result) {
                forwards.touch(id); // the stream's silence is counted from the ack on
                reply(requestId, replyTo, new CallReply(id, result == null ? NullNode.getInstance() : json.valueToTree(result), null));
            }

            @Override
            public void onTimeout() {
                metrics.ackTimedOut();
                reply(requestId, replyTo, new CallReply(id, null, CallReply.TIMEOUT));
            }
        }, call.has("data") ? call.get("data") : NullNode.getInstance());
    }

    /** A service calls a socket only on behalf of the socket's own user (a session id in a request is not proof). */
    private boolean ownSocket(SocketIOClient client, String userId) {
        return !userId.isEmpty() && local.user(client).map(user -> user.id().equals(userId)).orElse(false);
    }

    /**
     * A stream name is {@code <user id>:<socket id>:<request id>}: the socket's own user and session, so
     * a service can never be made to listen to another user's socket, nor under an event name of the bridge.
     */
    private boolean ownStream(SocketIOClient client, UUID sid, String listen) {
        String prefix = local.user(client).map(user -> user.id() + ":" + sid + ":").orElse(null);
        return prefix != null && listen.length() <= MAX_STREAM_NAME && listen.startsWith(prefix) && listen.length() > prefix.length();
    }

    /** Runs on a netty-socketio thread, after the request's label was taken off: labelled again here. */
    private void reply(String requestId, String channel, CallReply reply) {
        try (RequestLabel label = RequestLabel.of(requestId)) {
            if (reply.error() != null) {
                LOG.debugf("Event call %s: %s", reply.id(), reply.error());
            }
            redis.pubsub(String.class).publish(channel, json.writeValueAsString(reply)).subscribe().with(done -> { },
                    e -> LOG.warnf(e, "Could not send the answer of event call %s (request %s)", reply.id(), requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
