package dev.webui.api.notify;

import dev.webui.common.settings.SettingsReader;
import dev.webui.common.webhook.WebhookEvent;
import dev.webui.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A new channel message is sent to the webhooks of the channel's readers who are away, as in Open WebUI. */
@ApplicationScoped
public class ChannelWebhook {
    private final UserWebhooks webhooks;
    private final SettingsReader settings;

    public ChannelWebhook(UserWebhooks webhooks, SettingsReader settings) {
        this.webhooks = webhooks;
        this.settings = settings;
    }

    /** {@code readerIds}: who may read the channel, the author left out. */
    public void posted(String channelId, String channelName, String content, List<String> readerIds) {
        String url = settings.text(Settings.WEBUI_URL).replaceAll("/+$", "") + "/channels/" + channelId;
        String text = content == null ? "" : content;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", "channel");
        fields.put("message", text);
        fields.put("title", channelName);
        fields.put("url", url);
        webhooks.notifyAway(readerIds, new WebhookEvent("channel", "#" + channelName + " - " + url + "\n\n" + text, fields));
    }
}
