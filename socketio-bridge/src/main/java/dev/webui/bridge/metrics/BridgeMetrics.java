package dev.webui.bridge.metrics;

import dev.webui.bridge.session.LocalSessions;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Creates the Micrometer meters of a bridge instance (exported at /q/metrics, tagged by instance). */
@ApplicationScoped
public class BridgeMetrics {
    private final MeterRegistry registry;

    public BridgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public InstanceMetrics forInstance(String instanceId, LocalSessions sessions) {
        return new InstanceMetrics(registry, instanceId, sessions);
    }
}
