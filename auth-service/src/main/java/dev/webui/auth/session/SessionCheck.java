package dev.webui.auth.session;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.TokenAttributes;
import dev.webui.common.auth.TokenIdentityProvider;
import dev.webui.common.http.CallerContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * GET /api/v1/auths/, which every page load of the web UI makes. {@link #ready} is its common case,
 * answered at once by {@link SessionCheckRoute}: a session token this replica has verified, a
 * trusted revocation list that does not name it, the user in the directory, their session inputs
 * and the settings current, their activity recorded within the minute. Whatever the route leaves
 * goes the full way ({@link #answer}), as for an {@code @Authenticated} endpoint: the security layer
 * authenticates the caller (API keys, tokens not seen yet, a revocation list not to be trusted yet,
 * a user not cached; anonymous is refused), then the inputs are loaded and the activity written.
 */
@ApplicationScoped
public class SessionCheck {
    private final TokenIdentityProvider callers;
    private final CurrentIdentityAssociation identities;
    private final SessionInputsCache inputs;
    private final SessionService sessions;

    public SessionCheck(TokenIdentityProvider callers, CurrentIdentityAssociation identities, SessionInputsCache inputs,
                        SessionService sessions) {
        this.callers = callers;
        this.identities = identities;
        this.inputs = inputs;
        this.sessions = sessions;
    }

    /** The answer's body; its cookie (for a session token, not an API key) is put on the response. */
    public Uni<byte[]> answer(RoutingContext request) {
        // the answer is used on the request's own context (its response), wherever the last step completed
        return CallerContext.resumeHere(identities.getDeferredIdentity().chain(identity -> {
            AuthenticatedUser caller = AuthenticatedUser.of(identity);
            if (caller == null) {
                return Uni.createFrom().failure(new UnauthorizedException());
            }
            String used = TokenAttributes.token(identity);
            return inputs.get(caller.id()).chain(found -> sessions.resume(
                    found.orElseThrow(() -> new AuthenticationFailedException("This account no longer exists.")), used))
                    .map(answer -> new Resumed(used, answer));
        })).map(resumed -> send(request, resumed.token(), resumed.answer()));
    }

    /** The answer when everything is at hand; null when the full way must decide. */
    SessionAnswers.Answer ready(String token) {
        AuthenticatedUser caller = callers.knownCaller(token);
        SessionInputs found = caller == null ? null : inputs.ready(caller.id());
        return found == null ? null : sessions.resumeNow(found, token);
    }

    static byte[] send(RoutingContext request, String token, SessionAnswers.Answer answer) {
        if (!token.startsWith("sk-")) {
            request.response().headers().add(HttpHeaders.SET_COOKIE, answer.cookie());
        }
        return answer.body();
    }

    private record Resumed(String token, SessionAnswers.Answer answer) {
    }
}
