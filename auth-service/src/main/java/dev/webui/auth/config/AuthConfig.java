package dev.webui.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * Environment defaults of the sign-in and account settings. Those an admin can edit are
 * overridden by the config table (see {@link dev.webui.auth.settings.AuthSettingsService}).
 */
@ConfigMapping(prefix = "")
public interface AuthConfig {
    /** ENABLE_SIGNUP: whether anyone may create an account with the sign-up form. */
    @WithName("ENABLE_SIGNUP")
    @WithDefault("true")
    boolean enableSignup();

    /** ENABLE_LOGIN_FORM: whether e-mail/password sign-in and sign-up are offered at all. */
    @WithName("ENABLE_LOGIN_FORM")
    @WithDefault("true")
    boolean enableLoginForm();

    /** DEFAULT_USER_ROLE: role of new accounts after the first (pending, user or admin). */
    @WithName("DEFAULT_USER_ROLE")
    @WithDefault("pending")
    String defaultUserRole();

    /** SHOW_ADMIN_DETAILS: whether pending users are shown whom to contact. */
    @WithName("SHOW_ADMIN_DETAILS")
    @WithDefault("true")
    boolean showAdminDetails();

    /** ADMIN_EMAIL: the contact shown to pending users (default: the primary admin). */
    @WithName("ADMIN_EMAIL")
    Optional<String> adminEmail();

    /** ENABLE_COMMUNITY_SHARING: offer sharing chats to the community site. */
    @WithName("ENABLE_COMMUNITY_SHARING")
    @WithDefault("true")
    boolean enableCommunitySharing();

    /** ENABLE_MESSAGE_RATING: offer thumbs up/down on answers. */
    @WithName("ENABLE_MESSAGE_RATING")
    @WithDefault("true")
    boolean enableMessageRating();

    /** ENABLE_CHANNELS: offer channels. */
    @WithName("ENABLE_CHANNELS")
    @WithDefault("false")
    boolean enableChannels();

    /** ENABLE_NOTES: offer notes. */
    @WithName("ENABLE_NOTES")
    @WithDefault("true")
    boolean enableNotes();

    /** ENABLE_USER_WEBHOOKS: let users set a notification webhook. */
    @WithName("ENABLE_USER_WEBHOOKS")
    @WithDefault("true")
    boolean enableUserWebhooks();

    /** PENDING_USER_OVERLAY_TITLE: title of the "account pending" overlay (empty: the UI's default). */
    @WithName("PENDING_USER_OVERLAY_TITLE")
    Optional<String> pendingUserOverlayTitle();

    /** PENDING_USER_OVERLAY_CONTENT: text of the "account pending" overlay. */
    @WithName("PENDING_USER_OVERLAY_CONTENT")
    Optional<String> pendingUserOverlayContent();

    /** RESPONSE_WATERMARK: text appended when answers are copied. */
    @WithName("RESPONSE_WATERMARK")
    Optional<String> responseWatermark();

    /** ENABLE_PERSISTENT_CONFIG: false ignores settings an admin saved in the database. */
    @WithName("ENABLE_PERSISTENT_CONFIG")
    @WithDefault("true")
    boolean enablePersistentConfig();

    /** WEBUI_AUTH_SIGNOUT_REDIRECT_URL: where the UI goes after signing out (none: the sign-in page). */
    @WithName("WEBUI_AUTH_SIGNOUT_REDIRECT_URL")
    Optional<String> signoutRedirectUrl();

    /** WEBUI_AUTH_TRUSTED_EMAIL_HEADER: header set by an authenticating proxy; enables trusted-header sign-in. */
    @WithName("WEBUI_AUTH_TRUSTED_EMAIL_HEADER")
    Optional<String> trustedEmailHeader();

    /** WEBUI_AUTH_TRUSTED_NAME_HEADER: header with the display name for accounts made from the trusted header. */
    @WithName("WEBUI_AUTH_TRUSTED_NAME_HEADER")
    Optional<String> trustedNameHeader();

    /** BCRYPT_COST: log2 work factor for new password hashes (Open WebUI/passlib use 12). */
    @WithName("BCRYPT_COST")
    @WithDefault("12")
    int bcryptCost();
}
