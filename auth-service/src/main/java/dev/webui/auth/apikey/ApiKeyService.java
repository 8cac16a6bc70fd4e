package dev.webui.auth.apikey;

import dev.webui.auth.settings.AuthSetting;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.auth.UserChangeNotifier;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** A user's one API key: sk- followed by 32 hex digits. */
@ApplicationScoped
public class ApiKeyService {
    private final UserRepository users;
    private final AuthSettingsService settings;
    private final UserChangeNotifier changes;

    public ApiKeyService(UserRepository users, AuthSettingsService settings, UserChangeNotifier changes) {
        this.users = users;
        this.settings = settings;
        this.changes = changes;
    }

    public Uni<ApiKeyResponse> get(String userId) {
        return users.apiKey(userId).map(key -> new ApiKeyResponse(key.orElseThrow(() -> ApiException.notFound("No API key has been created yet."))));
    }

    /** Replaces the key; the old one stops working on every replica. */
    public Uni<ApiKeyResponse> create(String userId) {
        return settings.current().chain(current -> {
            if (!current.flag(AuthSetting.ENABLE_API_KEY)) {
                throw ApiException.forbidden("API keys are disabled on this server.");
            }
            String key = "sk-" + UUID.randomUUID().toString().replace("-", "");
            return users.setApiKey(userId, key).call(() -> changes.userChanged(userId)).replaceWith(new ApiKeyResponse(key));
        });
    }

    public Uni<Boolean> delete(String userId) {
        return users.setApiKey(userId, null).call(() -> changes.userChanged(userId)).replaceWith(true);
    }
}
