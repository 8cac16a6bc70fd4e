package dev.webui.common.auth;

import dev.webui.common.error.ApiException;
import dev.webui.common.http.CallerContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Turns a token into the caller: a JWT is checked for signature, expiry and revocation; an sk- key
 * against the API-key policy; either way the user must still exist. The user comes from the
 * replica's cache, so this costs no database query when the user was seen recently.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String INVALID_TOKEN = "Your session has expired or the token is invalid. Please sign in again.";

    private final JwtService jwt;
    private final TokenRevocation revocation;
    private final UserDirectory users;
    private final ApiKeyPolicy apiKeys;

    public TokenIdentityProvider(JwtService jwt, TokenRevocation revocation, UserDirectory users, ApiKeyPolicy apiKeys) {
        this.jwt = jwt;
        this.revocation = revocation;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = knownIdentity(request.token());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        // the revocation list and the user cache may answer on another context; the security layer needs this request's
        return CallerContext.resumeHere(caller(request));
    }

    private Uni<SecurityIdentity> caller(TokenAuthenticationRequest request) {
        String token = request.token();
        if (token.startsWith("sk-")) {
            return apiKeys.check(request.path())
                    .onFailure(e -> !(e instanceof ApiException)).transform(e -> new AuthenticationFailedException(e.getMessage(),
                            new ApiException(503, "API key check unavailable (the database is unreachable); try again shortly.")))
                    .onFailure(ApiException.class).transform(e -> new AuthenticationFailedException(e.getMessage(), e))
                    .chain(() -> unavailableAs503(users.findByApiKey(token)))
                    .map(user -> identity(user, token));
        }
        Optional<JwtService.VerifiedToken> verified = jwt.verify(token);
        if (verified.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(INVALID_TOKEN));
        }
        return revocation.isRevoked(verified.get())
                .onFailure().transform(e -> new AuthenticationFailedException(e.getMessage(), e))
                .flatMap(revoked -> revoked
                        ? Uni.createFrom().failure(new AuthenticationFailedException(INVALID_TOKEN))
                        : unavailableAs503(users.findById(verified.get().userId())).map(user -> identity(user, token)));
    }

    /**
     * The user of a signed token without a single asynchronous step, the common case: the
     * revocation list is trusted and does not name the token, and the directory holds the user.
     * Null otherwise (API keys included), and the full path decides (and waits where it must).
     */
    public AuthenticatedUser knownUser(String token) {
        JwtService.VerifiedToken verified = token.startsWith("sk-") ? null : jwt.verify(token).orElse(null);
        if (verified == null || !Boolean.FALSE.equals(revocation.revokedNow(verified))) {
            return null;
        }
        return users.cachedById(verified.userId());
    }

    private SecurityIdentity knownIdentity(String token) {
        AuthenticatedUser user = knownUser(token);
        return user == null ? null : identity(Optional.of(user), token);
    }

    private static <T> Uni<T> unavailableAs503(Uni<T> lookup) {
        return lookup.onFailure().transform(e -> new AuthenticationFailedException(e.getMessage(),
                new ApiException(503, "User lookup unavailable (the database is unreachable); try again shortly.")));
    }

    private static SecurityIdentity identity(Optional<AuthenticatedUser> found, String token) {
        AuthenticatedUser user = found.orElseThrow(() -> new AuthenticationFailedException(INVALID_TOKEN));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.id()))
                .addRoles(user.securityRoles())
                .addAttribute(AuthenticatedUser.ATTRIBUTE, user)
                .addAttribute(TokenAttributes.TOKEN, token)
                .build();
    }
}
