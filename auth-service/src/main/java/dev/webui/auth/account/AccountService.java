package dev.webui.auth.account;

import dev.webui.auth.password.PasswordHasher;
import dev.webui.auth.settings.AuthSetting;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.auth.throttle.SignInThrottle;
import dev.webui.auth.user.User;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The rules of creating accounts and checking passwords. */
@ApplicationScoped
public class AccountService {
    static final String WRONG_CREDENTIALS = "The e-mail address or password is incorrect.";
    static final String SIGNUP_DISABLED = "Sign-up is disabled on this server. Ask an administrator for an account.";

    private final AccountRepository accounts;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final AuthSettingsService settings;
    private final SignInThrottle throttle;
    private final SignUpWebhook signUps;

    public AccountService(AccountRepository accounts, UserRepository users, PasswordHasher passwords,
                          AuthSettingsService settings, SignInThrottle throttle, SignUpWebhook signUps) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.settings = settings;
        this.throttle = throttle;
        this.signUps = signUps;
    }

    /**
     * Public sign-up. Allowed while ENABLE_SIGNUP and ENABLE_LOGIN_FORM are on, and always while no
     * account exists. The first account becomes the primary admin and closes sign-up, as in Open WebUI.
     */
    public Uni<User> signUp(SignUpForm form) {
        String email = Inputs.email(form.email());
        String name = Inputs.name(form.name());
        PasswordHasher.checkAcceptable(form.password());
        return settings.current().chain(current -> users.count().chain(count -> {
            boolean open = current.flag(AuthSetting.ENABLE_SIGNUP) && current.flag(AuthSetting.ENABLE_LOGIN_FORM);
            if (count > 0 && !open) {
                throw ApiException.forbidden(SIGNUP_DISABLED);
            }
            return passwords.hash(form.password())
                    .chain(hash -> accounts.create(new NewAccount(name, email, Inputs.profileImage(form.profileImageUrl()), hash,
                            current.defaultUserRole())))
                    .call(created -> created.primaryAdmin() ? settings.set(AuthSetting.ENABLE_SIGNUP, false) : Uni.createFrom().voidItem())
                    .map(AccountRepository.Created::user)
                    .invoke(signUps::announce);
        }));
    }

    /** An account an admin creates (also used by CSV import). */
    public Uni<User> add(AddUserForm form) {
        String email = Inputs.email(form.email());
        String name = Inputs.name(form.name());
        String role = form.role() == null ? Roles.PENDING : form.role();
        if (!Set.of(Roles.PENDING, Roles.USER, Roles.ADMIN).contains(role)) {
            throw ApiException.badRequest("role must be one of pending, user, admin.");
        }
        return passwords.hash(form.password())
                .chain(hash -> accounts.create(new NewAccount(name, email, Inputs.profileImage(form.profileImageUrl()), hash, role)))
                .map(AccountRepository.Created::user);
    }

    /** E-mail and password sign-in, throttled per account and per client address. */
    public Uni<User> signIn(String rawEmail, String password, String clientAddress) {
        if (rawEmail == null || rawEmail.isBlank() || password == null) {
            throw ApiException.badRequest("Both email and password are required.");
        }
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        PasswordHasher.checkAcceptable(password);
        return throttle.check(email, clientAddress)
                .chain(() -> accounts.credentials(email))
                .chain(found -> passwords.matches(password, found.map(Credentials::passwordHash))
                        .chain(ok -> {
                            if (ok && found.isPresent() && found.get().active()) {
                                return throttle.succeeded(email).replaceWith(found.get().user());
                            }
                            return throttle.failed(email, clientAddress).map(v -> {
                                throw ApiException.badRequest(WRONG_CREDENTIALS);
                            });
                        }));
    }

    /**
     * The account for an identity vouched for by someone else (LDAP, a trusted proxy header): found
     * by e-mail, or created with DEFAULT_USER_ROLE and a password nobody knows.
     */
    public Uni<User> findOrCreateExternal(String rawEmail, String rawName) {
        String email = Inputs.email(rawEmail);
        return users.findByEmail(email).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(existing.get())
                : createExternal(email, rawName, Optional.empty()));
    }

    /** An account without a usable password, with {@code role} or else DEFAULT_USER_ROLE (admin if it is the first). */
    public Uni<User> createExternal(String rawEmail, String rawName, Optional<String> role) {
        String email = Inputs.email(rawEmail);
        String name = Inputs.name(rawName == null || rawName.isBlank() ? email : rawName);
        return settings.current().chain(current -> passwords.unusableHash().chain(hash -> accounts.create(new NewAccount(
                name, email, "/user.png", hash, role.orElse(current.defaultUserRole()))))).map(AccountRepository.Created::user)
                .invoke(signUps::announce);
    }

    public Uni<Boolean> changePassword(String userId, String current, String replacement) {
        if (current == null || replacement == null) {
            throw ApiException.badRequest("Both password and new_password are required.");
        }
        PasswordHasher.checkAcceptable(replacement);
        return accounts.passwordHash(userId)
                .chain(hash -> passwords.matches(current, hash))
                .chain(ok -> {
                    if (!ok) {
                        throw ApiException.badRequest("The current password is incorrect.");
                    }
                    return passwords.hash(replacement);
                })
                .chain(hash -> users.findById(userId).chain(user -> accounts.setPassword(userId, user.orElseThrow().email(), hash)))
                .replaceWith(true);
    }
}
