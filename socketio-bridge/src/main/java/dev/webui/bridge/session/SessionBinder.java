package dev.webui.bridge.session;

import com.corundumstudio.socketio.SocketIOClient;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Binds a socket to a user only after the token was verified: the socket then joins its user room
 * and is registered in Redis. A socket re-bound to another user first leaves every room of the
 * previous one. Sockets that went away meanwhile are never (re)registered.
 */
public final class SessionBinder {
    private static final Logger LOG = Logger.getLogger(SessionBinder.class);

    private final LocalSessions local;
    private final SessionRegistry registry;
    private final SocketAuthenticator authenticator;

    public SessionBinder(LocalSessions local, SessionRegistry registry, SocketAuthenticator authenticator) {
        this.local = local;
        this.registry = registry;
        this.authenticator = authenticator;
    }

    /** Binds the socket to the token's user; empty (and the socket unchanged) when the token is not valid. */
    public Uni<Optional<AuthenticatedUser>> bind(SocketIOClient client, String token) {
        return authenticator.authenticate(token)
                .flatMap(user -> user.isPresent() ? attach(client, user.get()).map(Optional::of) : Uni.createFrom().item(user))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "Could not authenticate socket %s", client.getSessionId());
                    return Optional.empty();
                });
    }

    /** The socket's user after an optional token in the payload was applied. */
    public Uni<Optional<AuthenticatedUser>> bindIfToken(SocketIOClient client, Optional<String> token) {
        return token.isPresent()
                ? bind(client, token.get()).map(bound -> bound.or(() -> local.user(client)))
                : Uni.createFrom().item(local.user(client));
    }

    public void disconnected(UUID sid) {
        local.disconnected(sid);
        registry.unregister(sid.toString()).subscribe().with(done -> { },
                e -> LOG.warnf(e, "Could not unregister socket %s", sid));
    }

    private Uni<AuthenticatedUser> attach(SocketIOClient client, AuthenticatedUser user) {
        UUID sid = client.getSessionId();
        if (!local.isConnected(sid)) {
            return Uni.createFrom().item(user);
        }
        local.bind(client, user).filter(previous -> !previous.id().equals(user.id()))
                .ifPresent(previous -> client.leaveRooms(new HashSet<>(client.getAllRooms())));
        client.joinRoom(Rooms.user(user.id()));
        return registry.register(sid.toString(), user.id())
                .call(() -> {
                    if (local.isConnected(sid)) {
                        return Uni.createFrom().voidItem();
                    }
                    local.disconnected(sid); // it went away while we registered it
                    return registry.unregister(sid.toString());
                })
                .replaceWith(user);
    }
}
