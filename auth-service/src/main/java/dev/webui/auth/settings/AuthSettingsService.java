package dev.webui.auth.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.auth.Roles;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.config.JwtExpiry;
import dev.webui.common.error.ApiException;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.Setting;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The effective sign-in settings, read through the suite's settings reader (saved value, else
 * environment, else default); a saved value of the wrong kind (written by another program) is
 * ignored in favour of the environment's. A save on one replica is announced to every replica.
 */
@ApplicationScoped
public class AuthSettingsService {
    static final Set<String> ROLES = Set.of(Roles.PENDING, Roles.USER, Roles.ADMIN);

    private final SettingsReader settings;
    private final ObjectMapper mapper;
    private volatile Resolved resolved;

    private record Resolved(long generation, AuthSettings settings) {
    }

    public AuthSettingsService(SettingsReader settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    /** Resolved once per settings generation: every session check asks, the document rarely changes. */
    public Uni<AuthSettings> current() {
        return settings.reload().map(ignored -> {
            long generation = settings.generation();
            Resolved kept = resolved;
            if (kept != null && kept.generation() == generation) {
                return kept.settings();
            }
            // resolved from a state at least as new as this generation, so never older than what it is kept for
            AuthSettings current = resolve();
            resolved = new Resolved(generation, current);
            return current;
        });
    }

    /** What {@link #current()} would answer, when it would answer at once (nothing to re-read or resolve); null otherwise. */
    public AuthSettings ready() {
        Resolved kept = resolved;
        return kept != null && settings.upToDate() && kept.generation() == settings.generation() ? kept.settings() : null;
    }

    /**
     * Saves the admin-config keys present in {@code body} (others keep their value) and returns the
     * new effective settings. Every value is checked before anything is written.
     */
    public Uni<AuthSettings> update(Map<String, Object> body) {
        Map<Setting, JsonNode> writes = new LinkedHashMap<>();
        for (AuthSetting setting : AuthSetting.values()) {
            if (setting.adminConfig() && body.containsKey(setting.name())) {
                writes.put(setting.setting(), mapper.valueToTree(validated(setting, body.get(setting.name()))));
            }
        }
        return write(writes);
    }

    /** Stores one setting (used by the first sign-up, which closes sign-up, and by the LDAP switch). */
    public Uni<AuthSettings> set(AuthSetting setting, Object value) {
        return write(Map.of(setting.setting(), mapper.valueToTree(validated(setting, value))));
    }

    private Uni<AuthSettings> write(Map<Setting, JsonNode> writes) {
        return settings.save(writes).chain(this::current);
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

    private AuthSettings resolve() {
        EnumMap<AuthSetting, Object> values = new EnumMap<>(AuthSetting.class);
        for (AuthSetting setting : AuthSetting.values()) {
            Object value = plain(settings.get(setting.setting()));
            values.put(setting, usable(setting, value) ? value : plain(settings.environment(setting.setting())));
        }
        return new AuthSettings(values);
    }

    private Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : mapper.convertValue(node, Object.class);
    }

    /** Stored values come from admins or an imported Open WebUI database; ignore any of the wrong kind. */
    private static boolean usable(AuthSetting setting, Object value) {
        try {
            return value != null && validated(setting, value) != null;
        } catch (ApiException e) {
            return false;
        }
    }
}
