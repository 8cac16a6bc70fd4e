package dev.webui.common.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How notifications are posted (docs/webhooks.md). */
@ConfigMapping(prefix = "")
public interface WebhookConfig {
    /** WEBUI_NAME: the sender's name in a Teams card. */
    @WithName("WEBUI_NAME")
    @WithDefault("Open WebUI")
    String webuiName();

    /** WEBHOOK_TIMEOUT_SECONDS (ours): how long one post may take to connect and between reads. */
    @WithName("WEBHOOK_TIMEOUT_SECONDS")
    @WithDefault("10")
    int timeoutSeconds();

    /**
     * WEBHOOK_ALLOW_LOCAL_ADDRESSES (ours): lets users' own webhook URLs reach loopback, private and
     * link-local addresses. The admin's URL is always allowed to.
     */
    @WithName("WEBHOOK_ALLOW_LOCAL_ADDRESSES")
    @WithDefault("false")
    boolean allowLocalAddresses();
}
