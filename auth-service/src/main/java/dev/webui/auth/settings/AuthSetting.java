package dev.webui.auth.settings;

/**
 * The sign-in settings an admin can change at run time, with their Open WebUI environment name
 * (the wire name in /auths/admin/config) and their dotted path in the config document.
 */
public enum AuthSetting {
    SHOW_ADMIN_DETAILS("auth.admin.show", Kind.BOOLEAN, true),
    WEBUI_URL("webui.url", Kind.STRING, true),
    ENABLE_SIGNUP("ui.enable_signup", Kind.BOOLEAN, true),
    ENABLE_API_KEY("auth.api_key.enable", Kind.BOOLEAN, true),
    ENABLE_API_KEY_ENDPOINT_RESTRICTIONS("auth.api_key.endpoint_restrictions", Kind.BOOLEAN, true),
    API_KEY_ALLOWED_ENDPOINTS("auth.api_key.allowed_endpoints", Kind.STRING, true),
    DEFAULT_USER_ROLE("ui.default_user_role", Kind.ROLE, true),
    JWT_EXPIRES_IN("auth.jwt_expiry", Kind.DURATION, true),
    ENABLE_COMMUNITY_SHARING("ui.enable_community_sharing", Kind.BOOLEAN, true),
    ENABLE_MESSAGE_RATING("ui.enable_message_rating", Kind.BOOLEAN, true),
    ENABLE_CHANNELS("channels.enable", Kind.BOOLEAN, true),
    ENABLE_NOTES("notes.enable", Kind.BOOLEAN, true),
    ENABLE_USER_WEBHOOKS("ui.enable_user_webhooks", Kind.BOOLEAN, true),
    PENDING_USER_OVERLAY_TITLE("ui.pending_user_overlay_title", Kind.STRING, true),
    PENDING_USER_OVERLAY_CONTENT("ui.pending_user_overlay_content", Kind.STRING, true),
    RESPONSE_WATERMARK("ui.watermark", Kind.STRING, true),
    // not part of /auths/admin/config, but honoured from the config document like the others
    ADMIN_EMAIL("auth.admin.email", Kind.STRING, false),
    ENABLE_LOGIN_FORM("ui.ENABLE_LOGIN_FORM", Kind.BOOLEAN, false),
    ENABLE_LDAP("ldap.enable", Kind.BOOLEAN, false);

    public enum Kind { BOOLEAN, STRING, ROLE, DURATION }

    private final String path;
    private final Kind kind;
    private final boolean adminConfig;

    AuthSetting(String path, Kind kind, boolean adminConfig) {
        this.path = path;
        this.kind = kind;
        this.adminConfig = adminConfig;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the setting is part of the GET/POST /auths/admin/config object. */
    public boolean adminConfig() {
        return adminConfig;
    }
}
