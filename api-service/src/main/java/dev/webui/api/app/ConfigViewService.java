package dev.webui.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.JsonText;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Builds GET /api/config for the three kinds of caller (anonymous, pending, verified). */
@ApplicationScoped
public class ConfigViewService {
    private final SettingsStore settings;
    private final AppConfig app;
    private final UserCounter users;
    private final JsonText json;

    private final FileLimits fileLimits;

    public ConfigViewService(SettingsStore settings, AppConfig app, UserCounter users, JsonText json, FileLimits fileLimits) {
        this.settings = settings;
        this.app = app;
        this.users = users;
        this.json = json;
        this.fileLimits = fileLimits;
    }

    public Uni<JsonNode> view(Optional<AuthenticatedUser> caller) {
        boolean verified = caller.isPresent() && caller.get().isVerified();
        Uni<FileLimits.Limits> limits = verified ? fileLimits.current() : Uni.createFrom().nullItem();
        // reload() costs nothing while this replica's copy is valid, and re-reads it right after another service's write
        return settings.reload().chain(() -> Uni.combine().all().unis(users.get(), limits).asTuple()).map(both -> {
            long count = both.getItem1();
            ObjectNode root = json.mapper().createObjectNode();
            root.put("status", true);
            root.put("name", app.webuiName());
            root.put("version", Version.CURRENT);
            root.set("default_locale", settings.get(Settings.DEFAULT_LOCALE));
            root.putObject("oauth").set("providers", oauthProviders());
            ObjectNode features = root.putObject("features");
            features.put("auth", app.webuiAuth());
            features.put("auth_trusted_header", app.trustedEmailHeader().filter(h -> !h.isBlank()).isPresent());
            features.put("enable_signup_password_confirmation", app.enableSignupPasswordConfirmation());
            features.set("enable_ldap", settings.get(Settings.ENABLE_LDAP));
            features.set("enable_api_key", settings.get(Settings.ENABLE_API_KEY));
            features.set("enable_signup", settings.get(Settings.ENABLE_SIGNUP));
            features.set("enable_login_form", settings.get(Settings.ENABLE_LOGIN_FORM));
            features.put("enable_websocket", app.enableWebsocketSupport());
            features.put("enable_version_update_check", app.enableVersionUpdateCheck());
            if (caller.isEmpty() && count == 0) {
                root.put("onboarding", true);
            }
            if (verified) {
                addVerified(root, features, caller.get(), count, both.getItem2());
            } else if (caller.isPresent()) {
                ObjectNode ui = root.putObject("ui");
                ui.set("pending_user_overlay_title", settings.get(Settings.PENDING_TITLE));
                ui.set("pending_user_overlay_content", settings.get(Settings.PENDING_CONTENT));
            }
            return root;
        });
    }

    private void addVerified(ObjectNode root, ObjectNode features, AuthenticatedUser user, long userCount, FileLimits.Limits limits) {
        put(features, "enable_direct_connections", Settings.ENABLE_DIRECT_CONNECTIONS);
        put(features, "enable_channels", Settings.ENABLE_CHANNELS);
        put(features, "enable_notes", Settings.ENABLE_NOTES);
        put(features, "enable_web_search", Settings.ENABLE_WEB_SEARCH);
        put(features, "enable_code_execution", Settings.ENABLE_CODE_EXECUTION);
        put(features, "enable_code_interpreter", Settings.ENABLE_CODE_INTERPRETER);
        put(features, "enable_image_generation", Settings.ENABLE_IMAGE_GENERATION);
        put(features, "enable_autocomplete_generation", Settings.ENABLE_AUTOCOMPLETE);
        put(features, "enable_community_sharing", Settings.ENABLE_COMMUNITY_SHARING);
        put(features, "enable_message_rating", Settings.ENABLE_MESSAGE_RATING);
        put(features, "enable_user_webhooks", Settings.ENABLE_USER_WEBHOOKS);
        features.put("enable_admin_export", app.enableAdminExport());
        features.put("enable_admin_chat_access", app.enableAdminChatAccess());
        put(features, "enable_google_drive_integration", Settings.ENABLE_GOOGLE_DRIVE);
        put(features, "enable_onedrive_integration", Settings.ENABLE_ONEDRIVE);
        if (settings.bool(Settings.ENABLE_ONEDRIVE)) {
            features.put("enable_onedrive_personal", app.onedriveClientIdPersonal().isPresent());
            features.put("enable_onedrive_business", app.onedriveClientIdBusiness().isPresent());
        }
        String defaultModels = settings.text(Settings.DEFAULT_MODELS);
        if (defaultModels == null || defaultModels.isBlank()) {
            root.putNull("default_models");
        } else {
            root.put("default_models", defaultModels);
        }
        root.set("default_prompt_suggestions", settings.get(Settings.PROMPT_SUGGESTIONS));
        root.put("user_count", userCount);
        root.putObject("code").set("engine", settings.get(Settings.CODE_EXECUTION_ENGINE));
        ObjectNode audio = root.putObject("audio");
        ObjectNode tts = audio.putObject("tts");
        tts.set("engine", settings.get(Settings.TTS_ENGINE));
        tts.set("voice", settings.get(Settings.TTS_VOICE));
        tts.set("split_on", settings.get(Settings.TTS_SPLIT_ON));
        audio.putObject("stt").set("engine", settings.get(Settings.STT_ENGINE));
        ObjectNode file = root.putObject("file");
        file.set("max_size", limits.maxSize());
        file.set("max_count", limits.maxCount());
        ObjectNode compression = file.putObject("image_compression");
        compression.set("width", settings.get(Settings.IMAGE_COMPRESSION_WIDTH));
        compression.set("height", settings.get(Settings.IMAGE_COMPRESSION_HEIGHT));
        root.set("permissions", settings.get(Settings.USER_PERMISSIONS));
        ObjectNode drive = root.putObject("google_drive");
        drive.set("client_id", settings.get(Settings.GOOGLE_DRIVE_CLIENT_ID));
        drive.set("api_key", settings.get(Settings.GOOGLE_DRIVE_API_KEY));
        ObjectNode onedrive = root.putObject("onedrive");
        onedrive.put("client_id_personal", app.onedriveClientIdPersonal().orElse(""));
        onedrive.put("client_id_business", app.onedriveClientIdBusiness().orElse(""));
        onedrive.set("sharepoint_url", settings.get(Settings.ONEDRIVE_SHAREPOINT_URL));
        onedrive.set("sharepoint_tenant_id", settings.get(Settings.ONEDRIVE_SHAREPOINT_TENANT_ID));
        ObjectNode ui = root.putObject("ui");
        ui.set("pending_user_overlay_title", settings.get(Settings.PENDING_TITLE));
        ui.set("pending_user_overlay_content", settings.get(Settings.PENDING_CONTENT));
        ui.set("response_watermark", settings.get(Settings.RESPONSE_WATERMARK));
        root.putNull("license_metadata");
        if (user.isAdmin()) {
            root.put("active_entries", 0);
        }
    }

    /** auth-service signs in through OIDC only, configured from the environment (OAuthConfig there). */
    private ObjectNode oauthProviders() {
        ObjectNode providers = json.mapper().createObjectNode();
        if (app.oauthClientId().filter(id -> !id.isBlank()).isPresent()
                && app.openidProviderUrl().filter(url -> !url.isBlank()).isPresent()) {
            providers.put("oidc", app.oauthProviderName());
        }
        return providers;
    }

    private void put(ObjectNode node, String field, Setting setting) {
        node.set(field, settings.get(setting));
    }
}
