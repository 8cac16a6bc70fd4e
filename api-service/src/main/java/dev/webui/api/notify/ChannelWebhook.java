package dev.webui.api.notify;

import io.smallrye.mutiny.Uni;
import dev.webui.common.webhook.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A new channel message is sent to the webhooks of the channel's readers who are away, as in Open WebUI. */
@ApplicationScoped
public class ChannelWebhook {
    private final UserWebhooks webhooks;

    public ChannelWebhook(UserWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** {@code readerIds}: who may read the channel, the author left out. */
    public void posted(String channelId, String channelName, String content, List<String> readerIds) {
        String url = webhooks.link("/channels/" + channelId);
        String text = content == null ? "" : content;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", "channel");
        fields.put("message", text);
        fields.put("title", channelName);
        fields.put("url", url);
        WebhookEvent event = new WebhookEvent("channel", "#" + channelName + " - " + url + "\n\n" + text, fields);
        webhooks.notifyAway(readerIds, "channel", () -> Uni.createFrom().item(event));
    }
}
