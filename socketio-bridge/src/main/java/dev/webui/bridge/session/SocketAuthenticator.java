package dev.webui.bridge.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.JwtService;
import dev.webui.common.auth.TokenRevocation;
import dev.webui.common.auth.UserDirectory;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Turns the token of a handshake or event payload ({@code {"token": ...}} or {@code {"auth": {"token": ...}}})
 * into a user, as docs/realtime.md, "Authentication", says: JWTs only (no sk- keys), signature, expiry and revocation
 * checked, user must still exist. Anything else yields empty, never an error.
 */
public final class SocketAuthenticator {
    private final JwtService jwt;
    private final TokenRevocation revocation;
    private final UserDirectory users;

    public SocketAuthenticator(JwtService jwt, TokenRevocation revocation, UserDirectory users) {
        this.jwt = jwt;
        this.revocation = revocation;
        this.users = users;
    }

    /** The token inside a handshake auth object ({"token"}) or an event payload ({"auth": {"token"}}). */
    public static Optional<String> token(JsonNode payload) {
        if (payload == null) {
            return Optional.empty();
        }
        JsonNode token = payload.has("auth") ? payload.path("auth").path("token") : payload.path("token");
        return token.isTextual() && !token.asText().isBlank() ? Optional.of(token.asText()) : Optional.empty();
    }

    public Uni<Optional<AuthenticatedUser>> authenticate(String token) {
        Optional<JwtService.VerifiedToken> verified = jwt.verify(token);
        if (verified.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        // a check that cannot run (Redis unreachable) refuses the socket, like a revoked token
        return revocation.isRevoked(verified.get()).onFailure().recoverWithItem(true).flatMap(revoked -> revoked
                ? Uni.createFrom().item(Optional.<AuthenticatedUser>empty())
                : users.findById(verified.get().userId()));
    }
}
