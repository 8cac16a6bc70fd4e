package dev.webui.bridge.session;

import dev.webui.bridge.config.BridgeSettings;
import io.smallrye.mutiny.Multi;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every BRIDGE_HEARTBEAT_INTERVAL seconds: renews this instance's liveness mark (TTL
 * BRIDGE_INSTANCE_TTL) and prunes instances whose mark expired. If this instance finds its own
 * mark gone (it was paused long enough to be pruned), it registers its sockets again.
 */
public final class InstancePresence implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InstancePresence.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SessionRegistry registry;
    private final LocalSessions local;
    private final BridgeSettings settings;
    private final ScheduledExecutorService timer;

    public InstancePresence(SessionRegistry registry, LocalSessions local, BridgeSettings settings) {
        this.registry = registry;
        this.local = local;
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bridge-presence-" + settings.instanceId());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        registry.heartbeat(settings.instanceTtl()).await().atMost(WAIT);
        timer.scheduleWithFixedDelay(this::beat, settings.heartbeatInterval(), settings.heartbeatInterval(), TimeUnit.SECONDS);
    }

    private void beat() {
        try {
            boolean wasAlive = registry.heartbeat(settings.instanceTtl()).await().atMost(WAIT);
            if (!wasAlive) {
                LOG.warnf("Bridge %s was taken for dead; registering its %d sockets again", settings.instanceId(), local.authenticatedCount());
                Multi.createFrom().iterable(local.bindings().entrySet())
                        .onItem().transformToUniAndConcatenate(e -> registry.register(e.getKey().toString(), e.getValue().id()))
                        .collect().last().await().atMost(WAIT);
            }
            int pruned = registry.pruneDeadInstances().await().atMost(WAIT);
            if (pruned > 0) {
                LOG.infof("Pruned %d sockets of bridge instances that stopped without cleaning up", pruned);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Bridge heartbeat failed");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
