package dev.webui.common.probe;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.OptionalCaller;
import io.smallrye.mutiny.Uni;
import dev.webui.common.auth.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Endpoints that exist only in common's tests, one per access level of the contract. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {
    private final SecurityIdentity identity;
    private final OptionalCaller caller;

    private final Pool pool;

    public ProbeResource(SecurityIdentity identity, OptionalCaller caller, Pool pool) {
        this.identity = identity;
        this.caller = caller;
        this.pool = pool;
    }

    public record Sample(String name, int count, List<String> tags) {
    }

    @GET
    @Path("/public")
    @PermitAll
    public Uni<Map<String, Object>> open() {
        return caller.get().map(user -> Map.of("user_id", user.map(AuthenticatedUser::id).orElse("")));
    }

    @GET
    @Path("/any")
    @Authenticated
    public Map<String, String> any() {
        return whoAmI();
    }

    @GET
    @Path("/verified")
    @RolesAllowed(Roles.VERIFIED)
    public Map<String, String> verified() {
        return whoAmI();
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> admin() {
        return whoAmI();
    }

    @POST
    @Path("/echo")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Sample echo(Sample sample) {
        return sample;
    }

    /** Sends the text to PostgreSQL as a parameter and answers it back. */
    @GET
    @Path("/db")
    @PermitAll
    public Uni<Map<String, String>> database(@QueryParam("text") String text) {
        return pool.preparedQuery("SELECT $1::text AS echoed").execute(Tuple.of(text))
                .map(rows -> Map.of("echoed", rows.iterator().next().getString("echoed")));
    }

    @GET
    @Path("/fail")
    @PermitAll
    public String fail() {
        throw new IllegalStateException("secret internals at line 42");
    }

    private Map<String, String> whoAmI() {
        AuthenticatedUser user = AuthenticatedUser.of(identity);
        return Map.of("id", user.id(), "role", user.role());
    }
}
