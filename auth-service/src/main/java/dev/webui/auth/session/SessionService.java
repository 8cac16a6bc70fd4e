package dev.webui.auth.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.auth.config.AuthConfig;
import dev.webui.auth.permission.PermissionService;
import dev.webui.auth.settings.AuthSettings;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.auth.user.LastActive;
import dev.webui.auth.user.User;
import dev.webui.common.auth.JwtService;
import dev.webui.common.auth.TokenRevocation;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Starts, renews and ends browser sessions: our JWT in the body and in the token cookie. */
@ApplicationScoped
public class SessionService {
    private final JwtService jwt;
    private final TokenRevocation revocation;
    private final SessionCookies cookies;
    private final AuthSettingsService settings;
    private final PermissionService permissions;
    private final LastActive lastActive;
    private final AuthConfig auth;
    private final SessionAnswers answers;

    public SessionService(JwtService jwt, TokenRevocation revocation, SessionCookies cookies, AuthSettingsService settings,
                          PermissionService permissions, LastActive lastActive, AuthConfig auth, SessionAnswers answers) {
        this.auth = auth;
        this.answers = answers;
        this.jwt = jwt;
        this.revocation = revocation;
        this.cookies = cookies;
        this.settings = settings;
        this.permissions = permissions;
        this.lastActive = lastActive;
    }

    /** Issues a new token for the user: SessionUser body plus cookie. */
    public Uni<Response> start(User user) {
        return settings.current().chain(current -> {
            Issued issued = issue(user, current);
            return lastActive.record(user.id()).chain(() -> sessionUser(user, issued.token(), issued.expiresAt()))
                    .map(body -> withCookie(body, issued.token(), issued.expiresAt(), current));
        });
    }

    /**
     * After single sign-on: a redirect to the UI's /auth page with our token in a cookie the UI can
     * read, and quarkus-oidc's own session cookie dropped (our token is the session from now on).
     */
    public Uni<Response> startForBrowserRedirect(User user) {
        return settings.current().chain(current -> {
            Issued issued = issue(user, current);
            return lastActive.record(user.id()).map(v -> Response.status(Response.Status.FOUND).location(URI.create("/auth"))
                    .cookie(cookies.session(issued.token(), issued.expiresAt(), current, false),
                            cookies.cleared("q_session_oidc", current)).build());
        });
    }

    /** A token for the user with the configured lifetime, without starting a browser session. */
    public Uni<String> tokenFor(User user) {
        return settings.current().map(current -> issue(user, current).token());
    }

    /** GET /auths/: the caller's session again: its answer, with the cookie to re-set for the token they used. */
    public Uni<SessionAnswers.Answer> resume(SessionInputs inputs, String token) {
        return settings.current().chain(current -> lastActive.record(inputs.user().id()).map(v -> answer(inputs, token, current)));
    }

    /**
     * What {@link #resume} would answer, when nothing has to be read or written first (the
     * settings are current and the user's activity was recorded less than a minute ago); null
     * otherwise.
     */
    public SessionAnswers.Answer resumeNow(SessionInputs inputs, String token) {
        AuthSettings current = settings.ready();
        return current == null || !lastActive.recent(inputs.user().id()) ? null : answer(inputs, token, current);
    }

    private SessionAnswers.Answer answer(SessionInputs inputs, String token, AuthSettings current) {
        return answers.of(token, inputs, current, () -> {
            User user = inputs.user();
            return new SessionUserProfile(sessionUser(user, inputs.permissions(), token, expiresAt(token)), user.bio(), user.gender(),
                    user.dateOfBirth() == null ? null : user.dateOfBirth().toString());
        }, () -> cookies.session(token, expiresAt(token), current));
    }

    private Long expiresAt(String token) {
        return jwt.verify(token).map(JwtService.VerifiedToken::expiresAt).orElse(null);
    }

    /**
     * Revokes a JWT on every replica (until it would have expired) and clears the cookie. API keys
     * are left alone: signing out of a browser must not break scripts.
     */
    public Uni<Response> end(String token) {
        Optional<JwtService.VerifiedToken> verified = token == null || token.startsWith("sk-") ? Optional.empty() : jwt.verify(token);
        Uni<Void> revoke = verified.map(revocation::revoke).orElse(Uni.createFrom().voidItem())
                .onFailure().transform(e -> new ApiException(503, "Sign-out could not be recorded: Redis is unreachable; try again shortly."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        auth.signoutRedirectUrl().filter(url -> !url.isBlank()).ifPresent(url -> body.put("redirect_url", url));
        return revoke.chain(settings::current).map(current -> Response.ok(body).cookie(cookies.cleared(current)).build());
    }

    private Issued issue(User user, AuthSettings current) {
        Optional<Instant> expiry = current.tokenLifetime().map(lifetime -> Instant.now().plus(lifetime));
        return new Issued(jwt.issue(user.id(), expiry), expiry.map(Instant::getEpochSecond).orElse(null));
    }

    private record Issued(String token, Long expiresAt) {
    }

    private Uni<SessionUser> sessionUser(User user, String token, Long expiresAt) {
        return permissions.effective(user.id()).map(perms -> sessionUser(user, perms, token, expiresAt));
    }

    private static SessionUser sessionUser(User user, JsonNode permissions, String token, Long expiresAt) {
        return new SessionUser(token, "Bearer", expiresAt, user.id(), user.email(), user.name(), user.role(), user.profileImageUrl(),
                permissions);
    }

    private Response withCookie(Object body, String token, Long expiresAt, AuthSettings current) {
        return Response.ok(body).cookie(cookies.session(token, expiresAt, current)).build();
    }
}
