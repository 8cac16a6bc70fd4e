package dev.webui.bridge.delivery;

import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.common.events.CallItem;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client events this instance forwards for listening calls (docs/direct-connections.md, "Through
 * the bridge"; a direct connection's answer): one listener per call, under the name the service chose,
 * that accepts only what the call's own socket sends and publishes it as a {@link CallItem} on the
 * caller's reply channel. A forward ends on the item {@code {"done": true}}, the service's release,
 * the socket's disconnect, or when the socket stays silent for the call's timeout.
 */
public final class StreamForwards implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamForwards.class);
    /** Items of one call waiting for Redis; past this the forward ends (memory stays bounded). */
    private static final int MAX_QUEUED = 1024;
    private static final String OVERFLOW = "overflow";

    private final SocketIOServer server;
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Map<String, Forward> byCall = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stream-forwards");
        thread.setDaemon(true);
        return thread;
    });

    public StreamForwards(SocketIOServer server, ReactiveRedisDataSource redis, ObjectMapper json) {
        this.server = server;
        this.redis = redis;
        this.json = json;
        clock.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.SECONDS);
    }

    private final class Forward {
        final String id;
        final String name;
        final UUID sid;
        final String replyTo;
        final long idleNanos;
        volatile long last = System.nanoTime();
        /** Published one after the other, so the service gets the items in the order the socket sent them. */
        final Queue<String> outbox = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        final AtomicBoolean sending = new AtomicBoolean();

        Forward(String id, String name, UUID sid, String replyTo, long idleMillis) {
            this.id = id;
            this.name = name;
            this.sid = sid;
            this.replyTo = replyTo;
            this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        }
    }

    /**
     * Starts forwarding what socket {@code sid} sends under {@code name}; called before the call is
     * emitted, so nothing the client sends right after its ack is missed.
     */
    public void open(String callId, String name, UUID sid, String replyTo, long idleMillis) {
        Forward forward = new Forward(callId, name, sid, replyTo, idleMillis);
        if (byCall.putIfAbsent(callId, forward) != null) {
            return;
        }
        server.addEventListener(name, Object.class, (client, data, ack) -> {
            if (!sid.equals(client.getSessionId())) {
                LOG.warnf("Socket %s sent on the stream of another socket; dropped", client.getSessionId());
                return;
            }
            received(forward, data);
        });
    }

    private void received(Forward forward, Object data) {
        if (byCall.get(forward.id) != forward) {
            return;
        }
        forward.last = System.nanoTime();
        JsonNode item = data == null ? NullNode.getInstance() : json.valueToTree(data);
        publish(forward, new CallItem(forward.id, item, null));
        if (item.path("done").asBoolean(false)) {
            close(forward.id, null);
        }
    }

    /** The socket answered call {@code callId}: its stream may be silent for a whole timeout from now. */
    public void touch(String callId) {
        Forward forward = byCall.get(callId);
        if (forward != null) {
            forward.last = System.nanoTime();
        }
    }

    /** The service stopped listening to call {@code callId}. */
    public void release(String callId) {
        close(callId, null);
    }

    /** Socket {@code sid} went away: its forwards end, and the services hear it. */
    public void disconnected(UUID sid) {
        byCall.values().stream().filter(f -> f.sid.equals(sid)).toList()
                .forEach(f -> close(f.id, CallItem.DISCONNECTED));
    }

    public int open() {
        return byCall.size();
    }

    private void expire() {
        long now = System.nanoTime();
        byCall.values().stream().filter(f -> now - f.last > f.idleNanos).toList()
                .forEach(f -> close(f.id, CallItem.TIMEOUT));
    }

    private void close(String callId, String end) {
        Forward forward = byCall.remove(callId);
        if (forward == null) {
            return;
        }
        // the name is unique to this call (it carries a fresh id), so every listener under it is this one
        server.removeAllListeners(forward.name);
        if (end != null) {
            publish(forward, new CallItem(forward.id, null, end));
        }
    }

    private void publish(Forward forward, CallItem item) {
        if (forward.queued.incrementAndGet() > MAX_QUEUED && item.end() == null) {
            LOG.warnf("Redis does not keep up with the stream of call %s; ending it", forward.id);
            close(forward.id, OVERFLOW);
            return;
        }
        try {
            forward.outbox.add(json.writeValueAsString(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        drain(forward);
    }

    private void drain(Forward forward) {
        if (!forward.sending.compareAndSet(false, true)) {
            return;
        }
        String next = forward.outbox.poll();
        if (next == null) {
            forward.sending.set(false);
            if (!forward.outbox.isEmpty()) {
                drain(forward);
            }
            return;
        }
        redis.pubsub(String.class).publish(forward.replyTo, next).subscribe().with(done -> sent(forward),
                e -> {
                    LOG.warnf(e, "Could not forward an item of call %s", forward.id);
                    sent(forward);
                });
    }

    private void sent(Forward forward) {
        forward.queued.decrementAndGet();
        forward.sending.set(false);
        drain(forward);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
