package dev.webui.bridge.events;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.access.AccessRepository;
import dev.webui.bridge.session.Rooms;
import dev.webui.bridge.session.SessionBinder;
import dev.webui.bridge.session.SocketAuthenticator;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * {@code user-join} and {@code join-channels} (docs/realtime.md, "Authentication" and "Client events"): bind the socket to the token's
 * user, then join the room of every channel the user may read. user-join acks {id, name}.
 */
public final class SessionEvents {
    private static final Logger LOG = Logger.getLogger(SessionEvents.class);

    private final SessionBinder binder;
    private final AccessRepository access;

    public SessionEvents(SessionBinder binder, AccessRepository access) {
        this.binder = binder;
        this.access = access;
    }

    public void register(SocketIOServer server) {
        server.addEventListener("user-join", JsonNode.class, this::userJoin);
        server.addEventListener("join-channels", JsonNode.class, this::joinChannels);
    }

    private void userJoin(SocketIOClient client, JsonNode data, AckRequest ack) {
        Optional<String> token = SocketAuthenticator.token(data);
        Uni<Optional<AuthenticatedUser>> bound = token.isPresent() ? binder.bind(client, token.get()) : Uni.createFrom().item(Optional.empty());
        bound.call(user -> user.map(u -> joinChannels(client, u)).orElseGet(() -> Uni.createFrom().voidItem()))
                .subscribe().with(user -> {
                    if (ack.isAckRequested()) {
                        user.ifPresentOrElse(u -> ack.sendAckData(Map.of("id", u.id(), "name", u.name() == null ? "" : u.name())),
                                ack::sendAckData);
                    }
                }, e -> LOG.warnf(e, "user-join of %s failed", client.getSessionId()));
    }

    private void joinChannels(SocketIOClient client, JsonNode data, AckRequest ack) {
        binder.bindIfToken(client, SocketAuthenticator.token(data))
                .call(user -> user.map(u -> joinChannels(client, u)).orElseGet(() -> Uni.createFrom().voidItem()))
                .subscribe().with(user -> { }, e -> LOG.warnf(e, "join-channels of %s failed", client.getSessionId()));
    }

    private Uni<Void> joinChannels(SocketIOClient client, AuthenticatedUser user) {
        return access.readableChannelIds(user).invoke(ids -> ids.forEach(id -> client.joinRoom(Rooms.channel(id)))).replaceWithVoid();
    }
}
