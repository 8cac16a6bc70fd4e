package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.access.AccessChecker.Rights;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Channels: on with ENABLE_CHANNELS, managed by admins, read by access_control (null = everyone).
 * Posting needs write access in Open WebUI's non-strict sense for channels: a public channel lets
 * every reader post, an explicit rule only the owner and the write grants; admins always may.
 */
@ApplicationScoped
public class ChannelService {
    static final String NOT_FOUND = "Channel not found";

    private final ChannelRepository channels;
    private final AccessChecker access;
    private final SettingsStore settings;

    public ChannelService(ChannelRepository channels, AccessChecker access, SettingsStore settings) {
        this.channels = channels;
        this.access = access;
        this.settings = settings;
    }

    /** A channel together with what the caller may do in it. */
    public record Opened(Channel channel, Rights rights) {
        public boolean canPost() {
            JsonNode acl = channel.accessControl();
            return isAdmin() || acl == null || acl.isNull() || rights.canWrite(channel.userId(), acl);
        }

        public boolean isAdmin() {
            return rights.user().isAdmin();
        }
    }

    public boolean enabled() {
        return settings.bool(Settings.ENABLE_CHANNELS);
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw ApiException.forbidden("Channels are disabled on this server");
        }
    }

    /** The channels the user may read; empty when channels are disabled (the sidebar asks on every load). */
    public Uni<List<Channel>> readable(AuthenticatedUser user) {
        if (!enabled()) {
            return Uni.createFrom().item(List.of());
        }
        return access.rights(user).chain(rights -> channels.all()
                .map(list -> list.stream().filter(c -> rights.canRead(c.userId(), c.accessControl())).toList()));
    }

    /** GET /channels/list: every channel for an admin, the readable ones for anybody else. */
    public Uni<List<Channel>> listed(AuthenticatedUser user) {
        requireEnabled();
        return user.isAdmin() ? channels.all() : readable(user);
    }

    /** The channel if the user may read it: 404 when it does not exist, 403 when they may not. */
    public Uni<Opened> open(AuthenticatedUser user, String id) {
        requireEnabled();
        return channels.find(id).chain(channel -> {
            if (channel == null) {
                return Uni.createFrom().failure(ApiException.notFound(NOT_FOUND));
            }
            return access.rights(user).map(rights -> {
                if (!rights.canRead(channel.userId(), channel.accessControl())) {
                    throw ApiException.forbidden("You do not have access to this channel");
                }
                return new Opened(channel, rights);
            });
        });
    }

    public Uni<Channel> create(AuthenticatedUser admin, JsonNode body) {
        requireEnabled();
        long now = Nanos.now();
        Channel channel = fromBody(body, UUID.randomUUID().toString(), admin.id(), now, now);
        return channels.save(channel).replaceWith(channel);
    }

    public Uni<Channel> update(AuthenticatedUser admin, String id, JsonNode body) {
        return open(admin, id).chain(opened -> {
            Channel old = opened.channel();
            Channel updated = fromBody(body, id, old.userId(), old.createdAt(), Nanos.now());
            return channels.save(updated).replaceWith(updated);
        });
    }

    public Uni<Boolean> delete(AuthenticatedUser admin, String id) {
        return open(admin, id).chain(opened -> channels.delete(id)).replaceWith(true);
    }

    /** Readers of the channel other than {@code except}: who should hear of a new message. */
    Uni<List<String>> readers(Opened opened, String except) {
        return channels.readerIds(opened.channel(), opened.rights().adminBypass(), except);
    }

    private static Channel fromBody(JsonNode body, String id, String owner, long created, long updated) {
        Bodies.require(body);
        JsonNode acl = Bodies.accessControl(body);
        JsonNode data = Bodies.storedObjectOrNull(body, "data");
        JsonNode meta = Bodies.storedObjectOrNull(body, "meta");
        return new Channel(id, owner, null, Bodies.requiredText(body, "name").toLowerCase(Locale.ROOT),
                Bodies.textOrNull(body, "description"), data, meta, acl, created, updated);
    }
}
