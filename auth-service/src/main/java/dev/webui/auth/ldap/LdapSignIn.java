package dev.webui.auth.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.webui.auth.account.AccountService;
import dev.webui.auth.settings.AuthSetting;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.auth.throttle.SignInThrottle;
import dev.webui.auth.user.User;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * LDAP sign-in: search-then-bind, throttled like password sign-in, and the account created with
 * DEFAULT_USER_ROLE on first sign-in (matched to an existing account by the directory's e-mail).
 */
@ApplicationScoped
public class LdapSignIn {
    private static final Logger LOG = Logger.getLogger(LdapSignIn.class);
    static final String REFUSED = "The user name or password is incorrect.";

    private final AuthSettingsService settings;
    private final LdapSettingsService servers;
    private final LdapDirectory directory;
    private final SignInThrottle throttle;
    private final AccountService accounts;

    public LdapSignIn(AuthSettingsService settings, LdapSettingsService servers, LdapDirectory directory, SignInThrottle throttle,
                      AccountService accounts) {
        this.settings = settings;
        this.servers = servers;
        this.directory = directory;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    public Uni<User> signIn(LdapForm form, String clientAddress) {
        if (form == null || form.user() == null || form.user().isBlank() || form.password() == null || form.password().isEmpty()) {
            // an empty password would be an anonymous bind, which many directories accept
            throw ApiException.badRequest("Both user and password are required.");
        }
        if (form.user().length() > 255 || form.password().length() > 1024) {
            throw ApiException.badRequest("The user name or password is too long.");
        }
        String user = form.user().trim().toLowerCase(Locale.ROOT);
        String account = "ldap:" + user;
        return settings.current().chain(current -> {
            if (!current.flag(AuthSetting.ENABLE_LDAP)) {
                throw ApiException.badRequest("LDAP sign-in is not enabled on this server.");
            }
            return throttle.check(account, clientAddress).chain(servers::current);
        }).chain(server -> Uni.createFrom().item(() -> search(server, user, form.password()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(person -> {
                    if (person.isEmpty()) {
                        return throttle.failed(account, clientAddress).map(v -> {
                            throw ApiException.badRequest(REFUSED);
                        });
                    }
                    if (person.get().email() == null || person.get().email().isBlank()) {
                        throw ApiException.badRequest("The directory has no e-mail address for this user.");
                    }
                    return throttle.succeeded(account).chain(() -> accounts.findOrCreateExternal(person.get().email(), person.get().name()));
                });
    }

    private Optional<LdapDirectory.LdapPerson> search(LdapServer server, String user, String password) {
        if (server.searchBase() == null || server.searchBase().isBlank()) {
            throw ApiException.badRequest("LDAP is not fully configured: LDAP_SEARCH_BASE is empty.");
        }
        try {
            return directory.authenticate(server, user, password);
        } catch (LDAPException e) {
            LOG.warnf("LDAP sign-in against %s:%d failed: %s", server.host(), server.port(), e.getMessage());
            throw new ApiException(400, "The directory could not be reached or refused the search: " + e.getResultCode().getName());
        }
    }

    /** LDAP_SEARCH_FILTERS as a filter; Open WebUI appends it raw, so the outer parentheses may be missing. */
    static Filter extraFilter(String raw) {
        String text = raw.trim().startsWith("(") ? raw.trim() : "(" + raw.trim() + ")";
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw ApiException.badRequest("LDAP search filters are not a valid LDAP filter: " + raw);
        }
    }
}
