package dev.webui.bridge.events;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.access.Access;
import dev.webui.bridge.access.AccessRepository;
import dev.webui.bridge.session.Rooms;
import dev.webui.bridge.session.SessionBinder;
import dev.webui.bridge.session.SocketAuthenticator;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/** {@code join-note}: the socket joins {@code note:<id>} (note-events) if its user may read the note. */
public final class NoteEvents {
    private static final Logger LOG = Logger.getLogger(NoteEvents.class);

    private final SessionBinder binder;
    private final AccessRepository access;

    public NoteEvents(SessionBinder binder, AccessRepository access) {
        this.binder = binder;
        this.access = access;
    }

    public void register(SocketIOServer server) {
        server.addEventListener("join-note", JsonNode.class, this::joinNote);
    }

    private void joinNote(SocketIOClient client, JsonNode data, AckRequest ack) {
        String noteId = data == null ? "" : data.path("note_id").asText("");
        if (noteId.isEmpty()) {
            return;
        }
        binder.bindIfToken(client, SocketAuthenticator.token(data))
                .flatMap(user -> user.isPresent() ? access.noteAccess(user.get(), noteId) : Uni.createFrom().item(Access.NONE))
                .subscribe().with(level -> {
                    if (level.canRead()) {
                        client.joinRoom(Rooms.note(noteId));
                    }
                }, e -> LOG.warnf(e, "join-note of %s failed", client.getSessionId()));
    }
}
