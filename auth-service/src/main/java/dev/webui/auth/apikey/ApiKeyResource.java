package dev.webui.auth.apikey;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.TokenAttributes;
import dev.webui.common.error.ApiException;
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
        requireSession();
        return keys.create(caller());
    }

    @DELETE
    public Uni<Boolean> delete() {
        requireSession();
        return keys.delete(caller());
    }

    // a leaked key must not be able to mint its successor (outliving its revocation) or lock its owner out
    private void requireSession() {
        if (TokenAttributes.isApiKey(identity)) {
            throw ApiException.forbidden("API keys are managed from a signed-in session, not with an API key.");
        }
    }

    private String caller() {
        return AuthenticatedUser.of(identity).id();
    }
}
