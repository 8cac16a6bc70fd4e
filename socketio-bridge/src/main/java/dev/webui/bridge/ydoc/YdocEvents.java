package dev.webui.bridge.ydoc;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.bridge.access.Access;
import dev.webui.bridge.access.AccessRepository;
import dev.webui.bridge.delivery.Emit;
import dev.webui.bridge.delivery.FleetPublisher;
import dev.webui.bridge.session.LocalSessions;
import dev.webui.bridge.session.Rooms;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.events.ClientEvent;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ydoc:*} events of collaborative notes (docs/realtime.md, "Client events"). Joining needs read access to
 * the note, updates need write access (checked at join, remembered per socket and document);
 * identities in fan-outs come from the session, not the payload. Updates carrying {@code data}
 * (the note's content) are forwarded to the services, which save the note.
 */
public final class YdocEvents {
    private static final Logger LOG = Logger.getLogger(YdocEvents.class);
    private static final String NOTE_PREFIX = "note:";
    private static final String ACCESS_KEY = "ydoc-access:";

    private final LocalSessions local;
    private final YdocStore store;
    private final AccessRepository access;
    private final FleetPublisher publisher;
    private final ObjectMapper json;
    private final String instanceId;

    public YdocEvents(LocalSessions local, YdocStore store, AccessRepository access, FleetPublisher publisher,
                      ObjectMapper json, String instanceId) {
        this.local = local;
        this.store = store;
        this.access = access;
        this.publisher = publisher;
        this.json = json;
        this.instanceId = instanceId;
    }

    public void register(SocketIOServer server) {
        server.addEventListener("ydoc:document:join", JsonNode.class, this::join);
        server.addEventListener("ydoc:document:state", JsonNode.class, this::state);
        server.addEventListener("ydoc:document:update", JsonNode.class, this::update);
        server.addEventListener("ydoc:document:leave", JsonNode.class, this::leave);
        server.addEventListener("ydoc:awareness:update", JsonNode.class, this::awareness);
    }

    private void join(SocketIOClient client, JsonNode data, AckRequest ack) {
        String documentId = documentId(data);
        Optional<AuthenticatedUser> user = local.user(client);
        if (user.isEmpty() || !documentId.startsWith(NOTE_PREFIX) || documentId.length() == NOTE_PREFIX.length()) {
            failedToJoin(client);
            return;
        }
        String sid = client.getSessionId().toString();
        access.noteAccess(user.get(), documentId.substring(NOTE_PREFIX.length()))
                .flatMap(level -> {
                    if (!level.canRead()) {
                        return Uni.createFrom().item(false);
                    }
                    client.set(ACCESS_KEY + documentId, level.name());
                    client.joinRoom(Rooms.document(documentId));
                    return store.join(documentId, sid).call(sessions -> sendState(client, documentId, sessions)).replaceWith(true);
                })
                .subscribe().with(joined -> {
                    if (!joined) {
                        failedToJoin(client);
                        return;
                    }
                    ObjectNode event = json.createObjectNode();
                    event.put("document_id", documentId);
                    event.put("user_id", user.get().id());
                    event.put("user_name", user.get().name());
                    event.set("user_color", data.path("user_color").isTextual() ? data.get("user_color") : json.nullNode());
                    publisher.emit(new Emit("ydoc:user:joined", event, Emit.Target.room(Rooms.document(documentId), sid)));
                }, e -> {
                    LOG.warnf(e, "ydoc join of %s failed", sid);
                    failedToJoin(client);
                });
    }

    private void state(SocketIOClient client, JsonNode data, AckRequest ack) {
        String documentId = documentId(data);
        if (joined(client, documentId) == Access.NONE) {
            return;
        }
        store.sessions(documentId).call(sessions -> sendState(client, documentId, sessions))
                .subscribe().with(done -> { }, e -> LOG.warnf(e, "ydoc state failed"));
    }

    private void update(SocketIOClient client, JsonNode data, AckRequest ack) {
        String documentId = documentId(data);
        Optional<AuthenticatedUser> user = local.user(client);
        Optional<ArrayNode> update = YjsUpdate.normalise(data == null ? null : data.get("update"), client.getTransport() == Transport.POLLING);
        if (user.isEmpty() || update.isEmpty() || joined(client, documentId) != Access.WRITE) {
            return;
        }
        String sid = client.getSessionId().toString();
        store.append(documentId, update.get().toString()).subscribe().with(done -> {
            ObjectNode event = json.createObjectNode();
            event.put("document_id", documentId);
            event.put("user_id", user.get().id());
            event.set("update", update.get());
            event.put("socket_id", sid);
            publisher.emit(new Emit("ydoc:document:update", event, Emit.Target.room(Rooms.document(documentId), sid)));
            if (data.path("data").isObject()) {
                ObjectNode save = json.createObjectNode();
                save.put("document_id", documentId);
                save.set("data", data.get("data"));
                publisher.forward(new ClientEvent("ydoc:document:update", sid, user.get().id(), instanceId, save));
            }
        }, e -> LOG.warnf(e, "ydoc update of %s failed", sid));
    }

    private void leave(SocketIOClient client, JsonNode data, AckRequest ack) {
        String documentId = documentId(data);
        Optional<AuthenticatedUser> user = local.user(client);
        if (user.isEmpty() || joined(client, documentId) == Access.NONE) {
            return;
        }
        client.del(ACCESS_KEY + documentId);
        client.leaveRoom(Rooms.document(documentId));
        store.leave(documentId, client.getSessionId().toString()).subscribe().with(done -> {
            ObjectNode event = json.createObjectNode();
            event.put("document_id", documentId);
            event.put("user_id", user.get().id());
            publisher.emit(new Emit("ydoc:user:left", event, Emit.Target.room(Rooms.document(documentId), null)));
        }, e -> LOG.warnf(e, "ydoc leave failed"));
    }

    private void awareness(SocketIOClient client, JsonNode data, AckRequest ack) {
        String documentId = documentId(data);
        Optional<ArrayNode> update = YjsUpdate.normalise(data == null ? null : data.get("update"), client.getTransport() == Transport.POLLING);
        if (update.isEmpty() || joined(client, documentId) == Access.NONE) {
            return;
        }
        String sid = client.getSessionId().toString();
        ObjectNode event = json.createObjectNode();
        event.put("document_id", documentId);
        event.put("user_id", sid);
        event.set("update", update.get());
        publisher.emit(new Emit("ydoc:awareness:update", event, Emit.Target.room(Rooms.document(documentId), sid)));
    }

    /**
     * Sends the document as {@code ydoc:document:state} events: {@code [0,0]} when empty, else one
     * event per stored update (the bridge does not merge Yjs updates; applying each is equivalent).
     */
    private Uni<Void> sendState(SocketIOClient client, String documentId, Set<String> sessions) {
        return store.updates(documentId).invoke(updates -> {
            List<String> states = updates.isEmpty() ? List.of("[0,0]") : updates;
            for (String state : states) {
                try {
                    client.sendEvent("ydoc:document:state", Map.of("document_id", documentId,
                            "state", json.readTree(state), "sessions", sessions));
                } catch (JsonProcessingException e) {
                    LOG.warnf("Skipping a corrupt stored update of %s", documentId);
                }
            }
        }).replaceWithVoid();
    }

    /** The access the socket joined the document with; NONE if it did not, or left every room since (re-bound to another user). */
    private Access joined(SocketIOClient client, String documentId) {
        Object level = documentId.isEmpty() || !local.isBound(client.getSessionId())
                || !client.getAllRooms().contains(Rooms.document(documentId)) ? null : client.get(ACCESS_KEY + documentId);
        return level == null ? Access.NONE : Access.valueOf(level.toString());
    }

    private static String documentId(JsonNode data) {
        return data == null ? "" : data.path("document_id").asText("");
    }

    private static void failedToJoin(SocketIOClient client) {
        client.sendEvent("error", Map.of("message", "Failed to join document"));
    }
}
