package dev.webui.bridge.socket;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.config.BridgeSettings;
import dev.webui.bridge.delivery.CallDelivery;
import dev.webui.bridge.delivery.ChannelSubscription;
import dev.webui.bridge.delivery.EmitDelivery;
import dev.webui.bridge.delivery.FleetPublisher;
import dev.webui.bridge.delivery.StreamForwards;
import dev.webui.bridge.events.NoteEvents;
import dev.webui.bridge.events.SessionEvents;
import dev.webui.bridge.events.TypingEvents;
import dev.webui.bridge.events.UsageEvents;
import dev.webui.bridge.metrics.InstanceMetrics;
import dev.webui.bridge.session.InstancePresence;
import dev.webui.bridge.session.LocalSessions;
import dev.webui.bridge.session.SessionBinder;
import dev.webui.bridge.session.SessionRegistry;
import dev.webui.bridge.session.SocketAuthenticator;
import dev.webui.bridge.ydoc.YdocEvents;
import dev.webui.bridge.ydoc.YdocStore;
import dev.webui.common.redis.RedisSubscriptions;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * One bridge instance, wired by hand: the netty-socketio server, its event handlers, the Redis
 * subscriptions that feed it and the liveness mark that keeps its bookkeeping honest.
 */
public final class BridgeInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BridgeInstance.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(10);

    private final BridgeSettings settings;
    private final BridgeServices services;
    private final SocketIOServer server;
    private final LocalSessions local = new LocalSessions();
    private final SessionRegistry registry;
    private final SessionBinder binder;
    private final InstanceMetrics metrics;
    private final InstancePresence presence;
    private final List<ChannelSubscription> subscriptions = new ArrayList<>();
    private final StreamForwards forwards;

    public BridgeInstance(BridgeSettings settings, BridgeServices services) {
        this.settings = settings;
        this.services = services;
        this.server = SocketServerFactory.create(settings);
        this.registry = new SessionRegistry(services.redis(), services.keys(), services.json(), settings.instanceId());
        this.binder = new SessionBinder(local, registry,
                new SocketAuthenticator(services.jwt(), services.revocation(), services.users()));
        this.metrics = services.metrics().forInstance(settings.instanceId(), local);
        this.presence = new InstancePresence(registry, local, settings);
        this.forwards = new StreamForwards(server, services.redis(), services.json());
        registerListeners();
    }

    public String instanceId() {
        return settings.instanceId();
    }

    /** Whether the instance currently receives emits and calls from Redis. */
    public boolean isSubscribed() {
        return subscriptions.stream().allMatch(ChannelSubscription::isUp);
    }

    /** Streams of listening calls this instance forwards now. */
    public int openStreams() {
        return forwards.open();
    }

    public int port() {
        return server.getConfiguration().getPort();
    }

    /** Subscribes to the emit and call channels, marks the instance alive, then opens the socket port. */
    public void start() {
        EmitDelivery emits = new EmitDelivery(server, local, services.json(), metrics);
        CallDelivery calls = new CallDelivery(server, local, services.redis(), services.keys(), services.json(), metrics, forwards);
        RedisSubscriptions redisSubscriptions = new RedisSubscriptions(services.redis(), services.keys());
        subscriptions.add(new ChannelSubscription(redisSubscriptions, services.keys().emitChannel(), emits::deliver));
        subscriptions.add(new ChannelSubscription(redisSubscriptions, services.keys().callChannel(), calls::handle));
        subscriptions.forEach(s -> s.start(REDIS_WAIT));
        presence.start();
        server.start();
        LOG.infof("Socket.IO bridge %s listening on %s:%d%s", settings.instanceId(), settings.host(), settings.port(),
                SocketServerFactory.PATH);
    }

    /** Closes the socket port and removes this instance's sockets from the fleet's bookkeeping. */
    @Override
    public void close() {
        subscriptions.forEach(ChannelSubscription::close);
        presence.close();
        server.stop();
        try {
            registry.deregisterInstance().await().atMost(REDIS_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not remove the sockets of %s from Redis (they expire with its liveness mark)",
                    settings.instanceId());
        }
        forwards.close();
        metrics.close();
    }

    private void registerListeners() {
        // The connect listener runs before the CONNECT packet's auth payload is known, and
        // netty-socketio has already put the socket in the namespace's default room: take it out,
        // so no namespace-wide broadcast can ever reach an unauthenticated socket.
        server.addConnectListener(client -> {
            local.connected(client.getSessionId());
            client.leaveRooms(new HashSet<>(client.getAllRooms()));
            bindHandshakeToken(client);
        });
        server.addDisconnectListener(client -> {
            forwards.disconnected(client.getSessionId());
            binder.disconnected(client.getSessionId());
        });

        FleetPublisher publisher = new FleetPublisher(services.redis(), services.keys(), services.json());
        new SessionEvents(binder, services.access()).register(server);
        new NoteEvents(binder, services.access()).register(server);
        new UsageEvents(local, registry).register(server);
        new TypingEvents(local, publisher, services.json()).register(server);
        new YdocEvents(local, new YdocStore(services.redis(), services.keys()), services.access(), publisher,
                services.json(), settings.instanceId()).register(server);
    }

    /**
     * Never refuses the CONNECT (docs/realtime.md, "Authentication"): a valid auth.token binds the socket asynchronously.
     * This runs in the connect listener, not in an auth-token listener, because netty-socketio calls
     * those before the socket is connected and in its rooms: a bind finishing first would be undone.
     */
    private void bindHandshakeToken(SocketIOClient client) {
        Object auth = client.getHandshakeData().getAuthToken();
        if (auth == null) {
            return;
        }
        JsonNode payload = services.json().valueToTree(auth);
        SocketAuthenticator.token(payload).ifPresent(token -> binder.bind(client, token).subscribe().with(user -> { }));
    }
}
