package dev.webui.api.notify;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A new channel message is sent to the webhooks of the channel's readers who are away, as in Open WebUI. */
@ApplicationScoped
public class ChannelWebhook {
    private final UserWebhooks webhooks;

    public ChannelWebhook(UserWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** {@code readerIds}: who may read the channel, the author left out. */
    public void posted(String channelId, String channelName, String content, List<String> readerIds) {
        webhooks.notifyAway(readerIds, "channel", () -> Uni.createFrom().item(() -> webhooks.linkedEvent("channel", "#" + channelName,
                channelName, "/channels/" + channelId, content == null ? "" : content)));
    }
}
