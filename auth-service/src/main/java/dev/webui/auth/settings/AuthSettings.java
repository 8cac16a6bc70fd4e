package dev.webui.auth.settings;

import dev.webui.common.config.JwtExpiry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The effective value of every {@link AuthSetting}: the admin's stored value, else the environment's. */
public final class AuthSettings {
    private final EnumMap<AuthSetting, Object> values;

    AuthSettings(EnumMap<AuthSetting, Object> values) {
        this.values = values;
    }

    public boolean flag(AuthSetting setting) {
        return Boolean.TRUE.equals(values.get(setting));
    }

    /** A string setting; empty strings count as unset. */
    public Optional<String> text(AuthSetting setting) {
        Object value = values.get(setting);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    public String defaultUserRole() {
        return (String) values.get(AuthSetting.DEFAULT_USER_ROLE);
    }

    /**
     * Lifetime of new tokens; empty when they never expire. As in Open WebUI, "0" means never,
     * like "-1".
     */
    public Optional<Duration> tokenLifetime() {
        return JwtExpiry.parse((String) values.get(AuthSetting.JWT_EXPIRES_IN)).filter(d -> !d.isZero());
    }

    /** The /auths/admin/config object, in the contract's key order. */
    public Map<String, Object> adminConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((setting, value) -> {
            if (setting.adminConfig()) {
                out.put(setting.name(), value);
            }
        });
        return out;
    }
}
