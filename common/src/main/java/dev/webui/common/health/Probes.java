package dev.webui.common.health;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;

/** A dependency probe with a deadline, so that a hung dependency reports DOWN instead of hanging the probe. */
final class Probes {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private Probes() {
    }

    static Uni<HealthCheckResponse> check(String name, Uni<?> probe) {
        return probe.ifNoItem().after(TIMEOUT).fail()
                .map(ignored -> HealthCheckResponse.up(name))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(name).down()
                        .withData("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        .build());
    }

    static Uni<Boolean> answers(Uni<?> probe) {
        return probe.ifNoItem().after(TIMEOUT).fail().map(ignored -> true).onFailure().recoverWithItem(false);
    }
}
