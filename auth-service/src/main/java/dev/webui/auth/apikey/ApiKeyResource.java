package dev.webui.auth.apikey;

import dev.webui.common.auth.AuthenticatedUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

@Path("/api/v1/auths/api_key")
@Authenticated
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final SecurityIdentity identity;

    public ApiKeyResource(ApiKeyService keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @GET
    public Uni<ApiKeyResponse> get() {
        return keys.get(caller());
    }

    @POST
    public Uni<ApiKeyResponse> create() {
        return keys.create(caller());
    }

    @DELETE
    public Uni<Boolean> delete() {
        return keys.delete(caller());
    }

    private String caller() {
        return AuthenticatedUser.of(identity).id();
    }
}
