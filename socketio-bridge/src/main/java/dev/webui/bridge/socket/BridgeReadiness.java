package dev.webui.bridge.socket;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the socket server runs and its Redis subscriptions (emits, calls) are up. */
@Readiness
@ApplicationScoped
public class BridgeReadiness implements HealthCheck {
    private final BridgeLifecycle lifecycle;

    public BridgeReadiness(BridgeLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        BridgeInstance instance = lifecycle.instance();
        return HealthCheckResponse.named("socketio-bridge")
                .status(instance != null && instance.isSubscribed())
                .build();
    }
}
