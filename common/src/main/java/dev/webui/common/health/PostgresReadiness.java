package dev.webui.common.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while PostgreSQL answers a trivial query. */
@Readiness
@ApplicationScoped
public class PostgresReadiness implements AsyncHealthCheck {
    private final Pool pool;

    public PostgresReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Probes.check("postgresql", pool.query("SELECT 1").execute());
    }
}
