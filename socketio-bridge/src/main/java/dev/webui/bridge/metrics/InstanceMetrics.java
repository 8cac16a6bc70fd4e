package dev.webui.bridge.metrics;

import dev.webui.bridge.session.LocalSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/** The meters of one bridge instance: connected and authenticated sockets, users, deliveries, ack timeouts. */
public final class InstanceMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final Counter delivered;
    private final Counter acksTimedOut;
    private final List<Meter> meters;

    InstanceMetrics(MeterRegistry registry, String instanceId, LocalSessions sessions) {
        this.registry = registry;
        this.delivered = Counter.builder("bridge.emits.delivered").description("Events delivered to sockets")
                .tag("instance", instanceId).register(registry);
        this.acksTimedOut = Counter.builder("bridge.acks.timed.out").description("Event calls the client did not answer in time")
                .tag("instance", instanceId).register(registry);
        this.meters = List.of(delivered, acksTimedOut,
                Gauge.builder("bridge.sockets.connected", sessions, LocalSessions::connectedCount)
                        .description("Connected sockets, authenticated or not").tag("instance", instanceId).register(registry),
                Gauge.builder("bridge.sockets.authenticated", sessions, LocalSessions::authenticatedCount)
                        .description("Sockets bound to a user").tag("instance", instanceId).register(registry),
                Gauge.builder("bridge.users.connected", sessions, LocalSessions::userCount)
                        .description("Distinct users with a socket on this instance").tag("instance", instanceId).register(registry));
    }

    public void delivered(int sockets) {
        delivered.increment(sockets);
    }

    public void ackTimedOut() {
        acksTimedOut.increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
