package dev.webui.bridge.delivery;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.bridge.metrics.InstanceMetrics;
import dev.webui.bridge.session.LocalSessions;
import dev.webui.bridge.session.Rooms;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers an emit request from the emit channel to this instance's sockets: each authenticated
 * socket named by user, sid, room or "all" gets it once; unauthenticated sockets never do.
 */
public final class EmitDelivery {
    private static final Logger LOG = Logger.getLogger(EmitDelivery.class);

    private final SocketIOServer server;
    private final LocalSessions local;
    private final ObjectMapper json;
    private final InstanceMetrics metrics;

    public EmitDelivery(SocketIOServer server, LocalSessions local, ObjectMapper json, InstanceMetrics metrics) {
        this.server = server;
        this.local = local;
        this.json = json;
        this.metrics = metrics;
    }

    public void deliver(String message) {
        Emit emit;
        try {
            emit = json.readValue(message, Emit.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring a malformed emit request: %s", e.getOriginalMessage());
            return;
        }
        try (RequestLabel label = RequestLabel.of(emit.requestId())) {
            if (emit.event() == null || emit.event().isBlank() || emit.to() == null) {
                LOG.warnf("Ignoring an emit request without event or target: %s", message);
                return;
            }
            Map<UUID, SocketIOClient> targets = targets(emit.to());
            for (SocketIOClient client : targets.values()) {
                if (emit.data() == null || emit.data().isMissingNode()) {
                    client.sendEvent(emit.event());
                } else {
                    client.sendEvent(emit.event(), emit.data());
                }
            }
            metrics.delivered(targets.size());
            LOG.debugf("Delivered %s to %d sockets", emit.event(), targets.size());
        }
    }

    private Map<UUID, SocketIOClient> targets(Emit.Target to) {
        Map<UUID, SocketIOClient> found = new LinkedHashMap<>();
        if (to.all()) {
            local.sids().forEach(sid -> Optional.ofNullable(server.getClient(sid)).ifPresent(c -> found.put(sid, c)));
        }
        to.userIdsOrEmpty().forEach(id -> addRoom(found, Rooms.user(id)));
        to.roomsOrEmpty().forEach(room -> addRoom(found, room));
        to.sidsOrEmpty().forEach(sid -> parse(sid).map(server::getClient).ifPresent(c -> found.put(c.getSessionId(), c)));
        Set<UUID> except = new HashSet<>();
        to.exceptSidsOrEmpty().forEach(sid -> parse(sid).ifPresent(except::add));
        to.exceptRoomsOrEmpty().forEach(room -> server.getRoomOperations(room).getClients().forEach(c -> except.add(c.getSessionId())));
        found.keySet().removeIf(sid -> except.contains(sid) || !local.isBound(sid));
        return found;
    }

    private void addRoom(Map<UUID, SocketIOClient> found, String room) {
        server.getRoomOperations(room).getClients().forEach(c -> found.put(c.getSessionId(), c));
    }

    static Optional<UUID> parse(String sid) {
        try {
            return Optional.of(UUID.fromString(sid));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
