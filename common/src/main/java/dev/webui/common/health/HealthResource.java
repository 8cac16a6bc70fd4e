package dev.webui.common.health;

import dev.webui.common.error.ErrorMappers;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Open WebUI's health endpoints, which load balancers and the stock frontend know. */
@Path("/health")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class HealthResource {
    private final Pool pool;

    public HealthResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @NonBlocking
    public Map<String, Boolean> health() {
        return Map.of("status", true);
    }

    @GET
    @Path("/db")
    public Uni<Response> database() {
        return Probes.answers(pool.query("SELECT 1").execute()).map(up -> up
                ? Response.ok(Map.of("status", true)).build()
                : ErrorMappers.body(503, "The database is unreachable"));
    }
}
