package dev.webui.auth.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.auth.user.User;
import dev.webui.auth.user.UserModel;
import dev.webui.common.settings.SettingsReader;
import dev.webui.common.webhook.WebhookEvent;
import dev.webui.common.webhook.WebhookPoster;
import dev.webui.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the admin's webhook (WEBHOOK_URL) about every account created by its owner: the sign-up
 * form, and a first sign-in through OIDC, LDAP or a trusted header. Accounts an admin adds are not
 * announced. The post runs after the answer; its outcome never reaches the sign-up.
 */
@ApplicationScoped
public class SignUpWebhook {
    private static final Logger LOG = Logger.getLogger(SignUpWebhook.class);

    private final SettingsReader settings;
    private final WebhookPoster poster;
    private final ObjectMapper mapper;

    public SignUpWebhook(SettingsReader settings, WebhookPoster poster, ObjectMapper mapper) {
        this.settings = settings;
        this.poster = poster;
        this.mapper = mapper;
    }

    public void announce(User user) {
        String url = settings.text(Settings.WEBHOOK_URL);
        if (url == null || url.isBlank()) {
            return;
        }
        String text = user.name() == null || user.name().isBlank() ? "New user signed up" : "New user signed up: " + user.name();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", "signup");
        fields.put("message", text);
        try {
            // as in Open WebUI, the account travels as a JSON string; UserModel has no password hash or API key
            fields.put("user", mapper.writeValueAsString(UserModel.of(user)));
        } catch (Exception e) {
            LOG.warnf(e, "The sign-up of %s is announced without the account", user.id());
        }
        poster.post(url, new WebhookEvent("signup", text, fields), WebhookPoster.Origin.ADMIN).subscribe().with(ok -> { });
    }
}
