package dev.webui.api.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Environment-only settings of api-service (not editable by admins), under Open WebUI's names. */
@ConfigMapping(prefix = "")
public interface AppConfig {
    /** WEBUI_NAME: the product name shown in the window title. */
    @WithName("WEBUI_NAME")
    @WithDefault("Open WebUI")
    String webuiName();

    /** WEBUI_AUTH: false runs the UI without sign-in (single-user mode). */
    @WithName("WEBUI_AUTH")
    @WithDefault("true")
    boolean webuiAuth();

    /** WEBUI_AUTH_TRUSTED_EMAIL_HEADER: header carrying the e-mail of a user authenticated by a proxy. */
    @WithName("WEBUI_AUTH_TRUSTED_EMAIL_HEADER")
    Optional<String> trustedEmailHeader();

    /** ENABLE_SIGNUP_PASSWORD_CONFIRMATION: the sign-up form asks for the password twice. */
    @WithName("ENABLE_SIGNUP_PASSWORD_CONFIRMATION")
    @WithDefault("false")
    boolean enableSignupPasswordConfirmation();

    /** ENABLE_WEBSOCKET_SUPPORT: the UI uses websocket transport only (else polling first). */
    @WithName("ENABLE_WEBSOCKET_SUPPORT")
    @WithDefault("true")
    boolean enableWebsocketSupport();

    /** ENABLE_VERSION_UPDATE_CHECK: admins' UI asks /api/version/updates. */
    @WithName("ENABLE_VERSION_UPDATE_CHECK")
    @WithDefault("true")
    boolean enableVersionUpdateCheck();

    /** ENABLE_ADMIN_EXPORT: admins may export the database and all chats. */
    @WithName("ENABLE_ADMIN_EXPORT")
    @WithDefault("true")
    boolean enableAdminExport();

    /** ENABLE_ADMIN_CHAT_ACCESS: admins may read other users' chats. */
    @WithName("ENABLE_ADMIN_CHAT_ACCESS")
    @WithDefault("true")
    boolean enableAdminChatAccess();

    /** BYPASS_ADMIN_ACCESS_CONTROL: admins read and write every model, prompt and note. */
    @WithName("BYPASS_ADMIN_ACCESS_CONTROL")
    @WithDefault("true")
    boolean bypassAdminAccessControl();

    /** OAUTH_CLIENT_ID: with OPENID_PROVIDER_URL, auth-service offers OIDC sign-in (as auth-service reads it). */
    @WithName("OAUTH_CLIENT_ID")
    Optional<String> oauthClientId();

    /** OPENID_PROVIDER_URL: the OIDC provider's discovery document or issuer URL. */
    @WithName("OPENID_PROVIDER_URL")
    Optional<String> openidProviderUrl();

    /** OAUTH_PROVIDER_NAME: the name on the OIDC sign-in button. */
    @WithName("OAUTH_PROVIDER_NAME")
    @WithDefault("SSO")
    String oauthProviderName();

    /** ONEDRIVE_CLIENT_ID_PERSONAL: OneDrive picker client id for personal accounts. */
    @WithName("ONEDRIVE_CLIENT_ID_PERSONAL")
    Optional<String> onedriveClientIdPersonal();

    /** ONEDRIVE_CLIENT_ID_BUSINESS: OneDrive picker client id for work accounts. */
    @WithName("ONEDRIVE_CLIENT_ID_BUSINESS")
    Optional<String> onedriveClientIdBusiness();

    /** MODELS_CACHE_TTL: seconds /api/models serves its aggregated list before refreshing it in the background. */
    @WithName("MODELS_CACHE_TTL")
    @WithDefault("60")
    int modelsCacheTtl();

    /** AIOHTTP_CLIENT_TIMEOUT_MODEL_LIST: seconds to wait for a connection's /models. */
    @WithName("AIOHTTP_CLIENT_TIMEOUT_MODEL_LIST")
    @WithDefault("10")
    int modelListTimeout();
}
