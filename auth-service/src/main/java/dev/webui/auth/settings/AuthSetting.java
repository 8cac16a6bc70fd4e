package dev.webui.auth.settings;

import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;

/**
 * The sign-in settings an admin can change at run time: their wire name in /auths/admin/config
 * (Open WebUI's environment name), the registered setting behind them and how a value is checked.
 */
public enum AuthSetting {
    SHOW_ADMIN_DETAILS(Settings.SHOW_ADMIN_DETAILS, Kind.BOOLEAN, true),
    WEBUI_URL(Settings.WEBUI_URL, Kind.STRING, true),
    ENABLE_SIGNUP(Settings.ENABLE_SIGNUP, Kind.BOOLEAN, true),
    ENABLE_API_KEY(Settings.ENABLE_API_KEY, Kind.BOOLEAN, true),
    ENABLE_API_KEY_ENDPOINT_RESTRICTIONS(Settings.ENABLE_API_KEY_ENDPOINT_RESTRICTIONS, Kind.BOOLEAN, true),
    API_KEY_ALLOWED_ENDPOINTS(Settings.API_KEY_ALLOWED_ENDPOINTS, Kind.STRING, true),
    DEFAULT_USER_ROLE(Settings.DEFAULT_USER_ROLE, Kind.ROLE, true),
    JWT_EXPIRES_IN(Settings.JWT_EXPIRES_IN, Kind.DURATION, true),
    ENABLE_COMMUNITY_SHARING(Settings.ENABLE_COMMUNITY_SHARING, Kind.BOOLEAN, true),
    ENABLE_MESSAGE_RATING(Settings.ENABLE_MESSAGE_RATING, Kind.BOOLEAN, true),
    ENABLE_CHANNELS(Settings.ENABLE_CHANNELS, Kind.BOOLEAN, true),
    ENABLE_NOTES(Settings.ENABLE_NOTES, Kind.BOOLEAN, true),
    ENABLE_USER_WEBHOOKS(Settings.ENABLE_USER_WEBHOOKS, Kind.BOOLEAN, true),
    PENDING_USER_OVERLAY_TITLE(Settings.PENDING_TITLE, Kind.STRING, true),
    PENDING_USER_OVERLAY_CONTENT(Settings.PENDING_CONTENT, Kind.STRING, true),
    RESPONSE_WATERMARK(Settings.RESPONSE_WATERMARK, Kind.STRING, true),
    // not part of /auths/admin/config, but honoured from the config document like the others
    ADMIN_EMAIL(Settings.ADMIN_EMAIL, Kind.STRING, false),
    ENABLE_LOGIN_FORM(Settings.ENABLE_LOGIN_FORM, Kind.BOOLEAN, false),
    ENABLE_LDAP(Settings.ENABLE_LDAP, Kind.BOOLEAN, false);

    public enum Kind { BOOLEAN, STRING, ROLE, DURATION }

    private final Setting setting;
    private final Kind kind;
    private final boolean adminConfig;

    AuthSetting(Setting setting, Kind kind, boolean adminConfig) {
        this.setting = setting;
        this.kind = kind;
        this.adminConfig = adminConfig;
    }

    public Setting setting() {
        return setting;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the setting is part of the GET/POST /auths/admin/config object. */
    public boolean adminConfig() {
        return adminConfig;
    }
}
