package dev.webui.api.notify;

import dev.webui.common.redis.RedisKeys;
import dev.webui.common.settings.SettingsReader;
import dev.webui.common.webhook.WebhookEvent;
import dev.webui.common.webhook.WebhookPoster;
import dev.webui.core.settings.Settings;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Notifies users who are away (no socket open on any bridge, as the bridges list them in Redis) on
 * the webhook URL of their settings, while ENABLE_USER_WEBHOOKS is on (docs/webhooks.md). Runs
 * after the answer: nothing here can fail or slow down the request that caused it.
 */
@ApplicationScoped
public class UserWebhooks {
    private static final Logger LOG = Logger.getLogger(UserWebhooks.class);
    /** Posts in flight at once for one event (a channel with many readers). */
    private static final int CONCURRENCY = 4;

    private final SettingsReader settings;
    private final WebhookTargets targets;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final WebhookPoster poster;

    public UserWebhooks(SettingsReader settings, WebhookTargets targets, ReactiveRedisDataSource redis, RedisKeys keys, WebhookPoster poster) {
        this.settings = settings;
        this.targets = targets;
        this.redis = redis;
        this.keys = keys;
        this.poster = poster;
    }

    /**
     * Posts the event to each of {@code userIds} who is away and saved a URL. The event is built
     * only then, so an answer nobody is waiting for by webhook costs no further reads.
     */
    public void notifyAway(List<String> userIds, String action, Supplier<Uni<WebhookEvent>> event) {
        if (userIds.isEmpty() || !settings.bool(Settings.ENABLE_USER_WEBHOOKS)) {
            return;
        }
        targets.urls(userIds)
                .chain(urls -> urls.isEmpty() ? Uni.createFrom().item(List.<String>of()) : away(urls))
                .chain(urls -> urls.isEmpty() ? Uni.createFrom().voidItem() : event.get().chain(built -> Multi.createFrom().iterable(urls)
                        .onItem().transformToUni(url -> poster.post(url, built, WebhookPoster.Origin.USER)).merge(CONCURRENCY)
                        .collect().last().replaceWithVoid()))
                .subscribe().with(done -> { }, e -> LOG.warnf(e, "The %s webhooks could not be sent", action));
    }

    /**
     * An event about something with an address in the app ({@code path}, linked from WEBUI_URL):
     * chat services read "heading - link" and the message; a generic endpoint gets action, message,
     * title and url.
     */
    public WebhookEvent linkedEvent(String action, String heading, String title, String path, String message) {
        String url = settings.text(Settings.WEBUI_URL).replaceAll("/+$", "") + path;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("message", message);
        fields.put("title", title);
        fields.put("url", url);
        return new WebhookEvent(action, heading + " - " + url + "\n\n" + message, fields);
    }

    /** The URLs of the users with no socket open. */
    private Uni<List<String>> away(Map<String, String> urls) {
        List<String> ids = new ArrayList<>(urls.keySet());
        return redis.set(String.class).smismember(keys.bridgeUsers(), ids.toArray(String[]::new)).map(connected -> {
            List<String> away = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!Boolean.TRUE.equals(connected.get(i))) {
                    away.add(urls.get(ids.get(i)));
                }
            }
            return away;
        });
    }
}
