package dev.webui.auth.oauth;

import dev.webui.auth.account.AccountService;
import dev.webui.auth.config.OAuthConfig;
import dev.webui.auth.group.GroupRepository;
import dev.webui.auth.session.SessionService;
import dev.webui.auth.user.User;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.auth.Roles;
import dev.webui.common.auth.UserChangeNotifier;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns a verified ID token into our account and session: found by {@code oidc@<sub>}, else (with
 * OAUTH_MERGE_ACCOUNTS_BY_EMAIL) by e-mail, else created when ENABLE_OAUTH_SIGNUP allows. With role
 * management the provider's roles decide the role (and whether the person may sign in at all); with
 * group management memberships of existing groups follow the group claim.
 */
@ApplicationScoped
public class OidcSignIn {
    private static final String PROVIDER = "oidc";

    private final OAuthConfig config;
    private final UserRepository users;
    private final AccountService accounts;
    private final GroupRepository groups;
    private final SessionService sessions;
    private final UserChangeNotifier changes;

    public OidcSignIn(OAuthConfig config, UserRepository users, AccountService accounts, GroupRepository groups,
                      SessionService sessions, UserChangeNotifier changes) {
        this.config = config;
        this.users = users;
        this.accounts = accounts;
        this.groups = groups;
        this.sessions = sessions;
        this.changes = changes;
    }

    /** A redirect to /auth that carries our token in a cookie the UI can read, or an error for the UI to show. */
    public Uni<Response> complete(JsonWebToken idToken) {
        return Uni.createFrom().deferred(() -> signIn(idToken))
                .chain(sessions::startForBrowserRedirect)
                .onFailure(ApiException.class).recoverWithItem(e -> Response.status(Response.Status.FOUND)
                        .location(UriBuilder.fromPath("/auth").queryParam("error", e.getMessage()).build()).build());
    }

    private Uni<User> signIn(JsonWebToken idToken) {
        String sub = PROVIDER + "@" + idToken.getSubject();
        String email = strings(idToken.getClaim(config.emailClaim())).stream().findFirst().orElse(null);
        String name = strings(idToken.getClaim(config.usernameClaim())).stream().findFirst().orElse(email);
        Optional<String> mappedRole = config.enableRoleManagement() ? Optional.of(role(strings(idToken.getClaim(config.rolesClaim()))))
                : Optional.empty();
        return account(sub, email, name, mappedRole)
                .call(user -> mappedRole.filter(role -> !role.equals(user.role()) && !user.primaryAdmin())
                        .map(role -> users.updateRole(user.id(), role).chain(() -> changes.userChanged(user.id())))
                        .orElse(Uni.createFrom().voidItem()))
                .call(user -> config.enableGroupManagement()
                        ? groups.syncMemberships(user.id(), strings(idToken.getClaim(config.groupClaim())))
                                .call(() -> changes.userChanged(user.id()))
                        : Uni.createFrom().voidItem())
                .chain(user -> users.findById(user.id()).map(Optional::orElseThrow));
    }

    private Uni<User> account(String sub, String email, String name, Optional<String> role) {
        return users.findByOauthSub(sub).chain(bySub -> {
            if (bySub.isPresent()) {
                return Uni.createFrom().item(bySub.get());
            }
            if (email == null || email.isBlank()) {
                throw ApiException.badRequest("The identity provider did not send an e-mail address.");
            }
            return users.findByEmail(email).chain(byEmail -> {
                if (byEmail.isPresent()) {
                    if (!config.mergeAccountsByEmail()) {
                        throw ApiException.badRequest("An account with this e-mail address already exists; ask an admin to link it.");
                    }
                    return users.setOauthSub(byEmail.get().id(), sub).replaceWith(byEmail.get());
                }
                if (!config.enableSignup()) {
                    throw ApiException.forbidden("New accounts cannot be created through single sign-on on this server.");
                }
                return accounts.createExternal(email, name, role).call(user -> users.setOauthSub(user.id(), sub));
            });
        });
    }

    private String role(List<String> providerRoles) {
        if (providerRoles.stream().anyMatch(config.adminRoles()::contains)) {
            return Roles.ADMIN;
        }
        if (providerRoles.stream().anyMatch(config.allowedRoles()::contains)) {
            return Roles.USER;
        }
        throw ApiException.forbidden("Your account at the identity provider has no role that may use this server.");
    }

    /** A claim as strings: a string, or the strings of an array. */
    static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> out.addAll(strings(v)));
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof String s) {
            out.add(s);
        } else if (claim instanceof JsonValue v && v.getValueType() != JsonValue.ValueType.NULL) {
            out.add(v.toString());
        }
        return out;
    }
}
