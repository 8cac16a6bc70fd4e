package dev.webui.api.app;

import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.OptionalCaller;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.webhook.WebhookUrl;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** App-level endpoints the UI calls on page load (docs/contract.md, "Startup sequence"). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {
    private final ConfigAnswers configAnswers;
    private final OptionalCaller caller;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final SettingsStore settings;

    public AppResource(ConfigAnswers configAnswers, OptionalCaller caller, ReactiveRedisDataSource redis, RedisKeys keys,
                       SettingsStore settings) {
        this.configAnswers = configAnswers;
        this.caller = caller;
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    @GET
    @Path("/config")
    @PermitAll
    public Uni<byte[]> config() {
        return caller.get().chain(configAnswers::of);
    }

    @GET
    @Path("/version")
    @PermitAll
    public Map<String, String> version() {
        return Map.of("version", Version.CURRENT);
    }

    /**
     * Open WebUI asks GitHub for its latest release here; this suite makes no call to the internet
     * and answers what Open WebUI answers when that check fails or is switched off: the current
     * version as the latest, so no update notice is shown.
     */
    @GET
    @Path("/version/updates")
    @RolesAllowed(Roles.VERIFIED)
    public Map<String, String> updates() {
        return Map.of("current", Version.CURRENT, "latest", Version.CURRENT);
    }

    /** Our own changelog (resource changelog/CHANGELOG.md), read once. */
    @GET
    @Path("/changelog")
    @PermitAll
    public Map<String, Object> changelog() {
        return CHANGELOG;
    }

    private static final Map<String, Object> CHANGELOG = dev.webui.api.utils.Changelog.load();

    public record Usage(List<String> modelIds, List<String> userIds) {
    }

    @GET
    @Path("/usage")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Usage> usage() {
        // written by the Socket.IO bridge: connected users, and models pinged by "usage" in the last 3 s
        double since = System.currentTimeMillis() - MODEL_USAGE_WINDOW_MS;
        return Uni.combine().all().unis(
                        redis.sortedSet(String.class).zrangebyscore(keys.bridgeModelUsage(), new ScoreRange<>(since, Double.POSITIVE_INFINITY)),
                        redis.set(String.class).smembers(keys.bridgeUsers()))
                .with((models, users) -> new Usage(models.stream().sorted().toList(), users.stream().sorted().toList()));
    }

    static final long MODEL_USAGE_WINDOW_MS = 3000;

    public record Webhook(String url) {
    }

    @GET
    @Path("/webhook")
    @RolesAllowed(Roles.ADMIN)
    public Webhook webhook() {
        return new Webhook(settings.text(Settings.WEBHOOK_URL));
    }

    @POST
    @Path("/webhook")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Webhook> updateWebhook(Webhook body) {
        String url = body == null || body.url() == null ? "" : body.url().trim();
        if (!url.isEmpty() && WebhookUrl.parse(url).isEmpty()) {
            throw ApiException.badRequest(WebhookUrl.RULE + ", or empty to send none.");
        }
        return settings.save(Map.of(Settings.WEBHOOK_URL, com.fasterxml.jackson.databind.node.TextNode.valueOf(url)))
                .replaceWith(() -> new Webhook(url));
    }
}
