package dev.webui.auth.settings;

import dev.webui.auth.config.AuthConfig;
import dev.webui.auth.config.LdapConfig;
import dev.webui.common.auth.Roles;
import dev.webui.common.config.ApiKeyConfig;
import dev.webui.common.config.CoreConfig;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.config.JwtExpiry;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the effective sign-in settings. They are read from the database on each use (sign-in,
 * sign-up, key creation), so a change an admin saves on one replica holds on every replica at once.
 */
@ApplicationScoped
public class AuthSettingsService {
    static final Set<String> ROLES = Set.of(Roles.PENDING, Roles.USER, Roles.ADMIN);

    private final StoredConfigRepository stored;
    private final AuthConfig auth;
    private final CoreConfig core;
    private final ApiKeyConfig apiKeys;
    private final LdapConfig ldap;

    public AuthSettingsService(StoredConfigRepository stored, AuthConfig auth, CoreConfig core, ApiKeyConfig apiKeys, LdapConfig ldap) {
        this.stored = stored;
        this.auth = auth;
        this.core = core;
        this.apiKeys = apiKeys;
        this.ldap = ldap;
    }

    public Uni<AuthSettings> current() {
        if (!auth.enablePersistentConfig()) {
            return Uni.createFrom().item(resolve(new JsonObject()));
        }
        return stored.load().map(this::resolve);
    }

    /**
     * Saves the admin-config keys present in {@code body} (others keep their value) and returns the
     * new effective settings. Every value is checked before anything is written.
     */
    public Uni<AuthSettings> update(Map<String, Object> body) {
        Map<String, Object> writes = new LinkedHashMap<>();
        for (AuthSetting setting : AuthSetting.values()) {
            if (setting.adminConfig() && body.containsKey(setting.name())) {
                writes.put(setting.path(), validated(setting, body.get(setting.name())));
            }
        }
        return write(writes);
    }

    /** Stores one setting (used by the first sign-up, which closes sign-up, and by the LDAP switch). */
    public Uni<AuthSettings> set(AuthSetting setting, Object value) {
        return write(Map.of(setting.path(), validated(setting, value)));
    }

    private Uni<AuthSettings> write(Map<String, Object> writes) {
        return stored.write(writes).chain(this::current);
    }

    static Object validated(AuthSetting setting, Object value) {
        String name = setting.name();
        return switch (setting.kind()) {
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw ApiException.badRequest(name + " must be true or false.");
                }
                yield value;
            }
            case STRING -> {
                if (value != null && !(value instanceof String)) {
                    throw ApiException.badRequest(name + " must be a string.");
                }
                yield value == null ? "" : value;
            }
            case ROLE -> {
                if (!(value instanceof String role) || !ROLES.contains(role)) {
                    throw ApiException.badRequest(name + " must be one of pending, user, admin.");
                }
                yield value;
            }
            case DURATION -> {
                if (!(value instanceof String duration)) {
                    throw ApiException.badRequest(name + " must be a string such as -1, 4w or 12h.");
                }
                try {
                    JwtExpiry.parse(duration);
                } catch (InvalidConfigurationException e) {
                    throw ApiException.badRequest(e.getMessage());
                }
                yield duration.trim();
            }
        };
    }

    private AuthSettings resolve(JsonObject data) {
        EnumMap<AuthSetting, Object> values = new EnumMap<>(AuthSetting.class);
        for (AuthSetting setting : AuthSetting.values()) {
            Object value = StoredConfigRepository.get(data, setting.path());
            values.put(setting, usable(setting, value) ? value : environment(setting));
        }
        return new AuthSettings(values);
    }

    /** Stored values come from admins or an imported Open WebUI database; ignore any of the wrong kind. */
    private static boolean usable(AuthSetting setting, Object value) {
        try {
            return value != null && validated(setting, value) != null;
        } catch (ApiException e) {
            return false;
        }
    }

    private Object environment(AuthSetting setting) {
        return switch (setting) {
            case SHOW_ADMIN_DETAILS -> auth.showAdminDetails();
            case WEBUI_URL -> core.webuiUrl().orElse("");
            case ENABLE_SIGNUP -> auth.enableSignup();
            case ENABLE_API_KEY -> apiKeys.enableApiKey();
            case ENABLE_API_KEY_ENDPOINT_RESTRICTIONS -> apiKeys.enableApiKeyEndpointRestrictions();
            case API_KEY_ALLOWED_ENDPOINTS -> String.join(",", apiKeys.apiKeyAllowedEndpoints().orElse(List.of()));
            case DEFAULT_USER_ROLE -> auth.defaultUserRole();
            case JWT_EXPIRES_IN -> core.jwtExpiresIn();
            case ENABLE_COMMUNITY_SHARING -> auth.enableCommunitySharing();
            case ENABLE_MESSAGE_RATING -> auth.enableMessageRating();
            case ENABLE_CHANNELS -> auth.enableChannels();
            case ENABLE_NOTES -> auth.enableNotes();
            case ENABLE_USER_WEBHOOKS -> auth.enableUserWebhooks();
            case PENDING_USER_OVERLAY_TITLE -> auth.pendingUserOverlayTitle().orElse("");
            case PENDING_USER_OVERLAY_CONTENT -> auth.pendingUserOverlayContent().orElse("");
            case RESPONSE_WATERMARK -> auth.responseWatermark().orElse("");
            case ADMIN_EMAIL -> auth.adminEmail().orElse("");
            case ENABLE_LOGIN_FORM -> auth.enableLoginForm();
            case ENABLE_LDAP -> ldap.enableLdap();
        };
    }
}
