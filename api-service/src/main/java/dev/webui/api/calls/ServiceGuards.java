package dev.webui.api.calls;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * How api-service calls its sibling services: each attempt is bounded by the configured timeout, a
 * service that keeps failing is left alone for a few seconds (circuit breaker), and only calls
 * that are safe to repeat are asked again after a 5xx, a lost connection or a timeout. A 4xx is
 * final and does not count against the service. Callers see {@link ServiceRefused} or
 * {@link ServiceUnavailable}, nothing else.
 */
public final class ServiceGuards {
    /** Attempts after the first for a call that is safe to repeat. */
    private static final int RETRIES = 1;
    /** The breaker opens when this share of the last {@link #BREAKER_WINDOW} attempts failed. */
    private static final double BREAKER_FAILURE_RATIO = 0.75;
    public static final int BREAKER_WINDOW = 20;
    private static final Duration BREAKER_OPEN = Duration.ofSeconds(5);

    private ServiceGuards() {
    }

    /** For reads and other calls that change nothing: retried. */
    public static Guard repeatable(String service, Duration timeout) {
        return base(service, timeout).withRetry().maxRetries(RETRIES).delay(100, ChronoUnit.MILLIS).jitter(50, ChronoUnit.MILLIS)
                .retryOn(List.of(ServiceUnavailable.class, TimeoutException.class)).done().build();
    }

    /** For calls that must not run twice (or cost too much to): one attempt. */
    public static Guard once(String service, Duration timeout) {
        return base(service, timeout).build();
    }

    private static Guard.Builder base(String service, Duration timeout) {
        return Guard.create().withDescription(service)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().requestVolumeThreshold(BREAKER_WINDOW).failureRatio(BREAKER_FAILURE_RATIO)
                .delay(BREAKER_OPEN.toMillis(), ChronoUnit.MILLIS).skipOn(ServiceRefused.class).done();
    }

    /** Runs {@code call} under {@code guard}, with every failure sorted into refused or unavailable. */
    public static <T> Uni<T> call(Guard guard, String service, Supplier<Uni<T>> call) {
        // no connection, a connection lost, an answer that could not be read: worth another attempt
        Supplier<Uni<T>> attempt = () -> call.get()
                .onFailure(e -> !(e instanceof ServiceRefused || e instanceof ServiceUnavailable))
                .transform(e -> new ServiceUnavailable("is unreachable", e));
        return Uni.createFrom().deferred(() -> guard.get(attempt, new TypeLiteral<Uni<T>>() { }))
                .onFailure().transform(e -> named(service, e));
    }

    private static RuntimeException named(String service, Throwable e) {
        if (e instanceof ServiceRefused refused) {
            return new ServiceRefused(refused.status(), service + " " + refused.getMessage());
        }
        if (e instanceof ServiceUnavailable unavailable) {
            return new ServiceUnavailable(service + " " + unavailable.getMessage(), unavailable.getCause());
        }
        return new ServiceUnavailable(service + " " + reason(e), e);
    }

    private static String reason(Throwable e) {
        if (e instanceof TimeoutException) {
            return "did not answer in time";
        }
        if (e instanceof CircuitBreakerOpenException) {
            return "failed too often; not asked for a few seconds";
        }
        return "failed";
    }
}
