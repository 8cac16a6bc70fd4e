package dev.webui.auth.account;

import dev.webui.auth.settings.AuthSetting;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Whom pending users are told to contact: ADMIN_EMAIL's account, else the primary admin. */
@ApplicationScoped
public class AdminDetailsService {
    private final AuthSettingsService settings;
    private final UserRepository users;

    public AdminDetailsService(AuthSettingsService settings, UserRepository users) {
        this.settings = settings;
        this.users = users;
    }

    public Uni<AdminDetails> details() {
        return settings.current().chain(current -> {
            if (!current.flag(AuthSetting.SHOW_ADMIN_DETAILS)) {
                throw ApiException.badRequest("Admin details are not shown on this server.");
            }
            Optional<String> email = current.text(AuthSetting.ADMIN_EMAIL);
            if (email.isPresent()) {
                return users.findByEmail(email.get()).map(u -> new AdminDetails(u.map(x -> x.name()).orElse(null), email.get()));
            }
            return users.findPrimaryAdmin().map(u -> u.map(a -> new AdminDetails(a.name(), a.email()))
                    .orElseThrow(() -> ApiException.notFound("There is no admin yet.")));
        });
    }
}
