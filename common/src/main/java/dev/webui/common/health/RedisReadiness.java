package dev.webui.common.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Redis answers PING. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements AsyncHealthCheck {
    private final ReactiveRedisDataSource redis;

    public RedisReadiness(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Probes.check("redis", redis.execute("PING"));
    }
}
