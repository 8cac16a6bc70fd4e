package dev.webui.bridge.session;

import com.corundumstudio.socketio.SocketIOClient;
import dev.webui.common.auth.AuthenticatedUser;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The authenticated sockets of this instance; the only source of a socket's identity. */
public final class LocalSessions {
    private final Set<UUID> connected = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AuthenticatedUser> users = new ConcurrentHashMap<>();

    public void connected(UUID sid) {
        connected.add(sid);
    }

    /** Forgets a socket that went away; yields the user it was bound to, if any. */
    public Optional<AuthenticatedUser> disconnected(UUID sid) {
        connected.remove(sid);
        return Optional.ofNullable(users.remove(sid));
    }

    public boolean isConnected(UUID sid) {
        return connected.contains(sid);
    }

    public int connectedCount() {
        return connected.size();
    }

    public Optional<AuthenticatedUser> user(SocketIOClient client) {
        return Optional.ofNullable(users.get(client.getSessionId()));
    }

    /** Binds the socket to the user; yields the user it was bound to before, if any. */
    public Optional<AuthenticatedUser> bind(SocketIOClient client, AuthenticatedUser user) {
        return Optional.ofNullable(users.put(client.getSessionId(), user));
    }

    public boolean isBound(UUID sid) {
        return users.containsKey(sid);
    }

    /** Socket id -> user of every authenticated socket. */
    public Map<UUID, AuthenticatedUser> bindings() {
        return Map.copyOf(users);
    }

    public Set<UUID> sids() {
        return users.keySet();
    }

    public int authenticatedCount() {
        return users.size();
    }

    public int userCount() {
        return (int) users.values().stream().map(AuthenticatedUser::id).distinct().count();
    }
}
