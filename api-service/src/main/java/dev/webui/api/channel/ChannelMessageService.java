package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.channel.ChannelService.Opened;
import dev.webui.api.json.Bodies;
import dev.webui.api.json.JsonText;
import dev.webui.api.notify.ChannelWebhook;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonSanitizer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages, threads and reactions of a channel. Every change is announced as channel-events
 * before the request answers, so one user's successive changes reach the room in order.
 */
@ApplicationScoped
public class ChannelMessageService {
    private static final Logger LOG = Logger.getLogger(ChannelMessageService.class);
    static final String NOT_FOUND = "Message not found";
    private static final Pattern MODEL_MENTION = Pattern.compile("<@M:([^|>]+)(?:\\|[^>]*)?>");

    private final ChannelService channels;
    private final ChannelMessageRepository messages;
    private final ChannelEvents events;
    private final ModelMentions mentions;
    private final MessageFiles files;
    private final JsonText json;
    private final ChannelWebhook webhooks;

    public ChannelMessageService(ChannelService channels, ChannelMessageRepository messages, ChannelEvents events,
                                 ModelMentions mentions, MessageFiles files, JsonText json, ChannelWebhook webhooks) {
        this.json = json;
        this.webhooks = webhooks;
        this.files = files;
        this.channels = channels;
        this.messages = messages;
        this.events = events;
        this.mentions = mentions;
    }

    public Uni<List<ChannelMessage>> topLevel(AuthenticatedUser user, String channelId, int skip, int limit) {
        return channels.open(user, channelId).chain(opened -> messages.topLevel(channelId, skip, limit));
    }

    /** Replies newest first; while the page is not full the thread root ends it, as the UI expects. */
    public Uni<List<ChannelMessage>> thread(AuthenticatedUser user, String channelId, String messageId, int skip, int limit) {
        return channels.open(user, channelId).chain(opened -> find(channelId, messageId))
                .chain(root -> messages.replies(root.id(), skip, limit).map(replies -> {
                    if (replies.size() >= limit) {
                        return replies;
                    }
                    List<ChannelMessage> page = new ArrayList<>(replies);
                    page.add(root);
                    return page;
                }));
    }

    public Uni<ChannelMessage> get(AuthenticatedUser user, String channelId, String messageId) {
        return channels.open(user, channelId).chain(opened -> find(channelId, messageId));
    }

    public Uni<ChannelMessage> post(AuthenticatedUser user, String channelId, JsonNode body) {
        Bodies.require(body);
        String parentId = Bodies.textOrNull(body, "parent_id");
        String replyToId = Bodies.textOrNull(body, "reply_to_id");
        JsonNode data = clean(Bodies.objectOrNull(body, "data"));
        JsonNode meta = clean(Bodies.objectOrNull(body, "meta"));
        String content = content(body, data);
        return channels.open(user, channelId).chain(opened -> {
            if (!opened.canPost()) {
                return Uni.createFrom().failure(ApiException.forbidden("You may read this channel but not post in it"));
            }
            return files.check(data, user.id()).chain(() -> related(channelId, parentId, "parent_id")).chain(parent -> related(channelId, replyToId, "reply_to_id").chain(quoted -> {
                if (parent != null && parent.parentId() != null) {
                    return Uni.createFrom().failure(ApiException.badRequest("'parent_id' must be a thread root, not a reply"));
                }
                long now = Nanos.now();
                ChannelMessage message = new ChannelMessage(UUID.randomUUID().toString(), user.id(), channelId, replyToId, parentId,
                        content, data, meta, now, now, null, null, null, 0, List.of());
                return messages.insert(message).chain(() -> messages.find(message.id()))
                        .call(stored -> announcePost(opened, stored, user))
                        .call(stored -> mention(opened.channel(), stored, user));
            }));
        });
    }

    public Uni<ChannelMessage> update(AuthenticatedUser user, String channelId, String messageId, JsonNode body) {
        Bodies.require(body);
        JsonNode data = clean(Bodies.objectOrNull(body, "data"));
        JsonNode meta = clean(Bodies.objectOrNull(body, "meta"));
        String content = content(body, data);
        return ownMessage(user, channelId, messageId).call(found -> files.check(data, found.message().userId())).chain(found -> messages
                .update(messageId, content, data == null ? found.message().data() : data, meta == null ? found.message().meta() : meta, Nanos.now())
                .chain(() -> messages.find(messageId))
                .call(updated -> events.toRoom(found.opened().channel(), "message:update", messageId, updated, MessageUser.of(user))));
    }

    public Uni<Boolean> delete(AuthenticatedUser user, String channelId, String messageId) {
        return ownMessage(user, channelId, messageId).chain(found -> messages.delete(messageId)
                .chain(() -> events.toRoom(found.opened().channel(), "message:delete", messageId, found.message(), MessageUser.of(user)))
                .chain(() -> announceThread(found.opened().channel(), found.message().parentId(), user))
                .replaceWith(true));
    }

    public Uni<Boolean> react(AuthenticatedUser user, String channelId, String messageId, JsonNode body, boolean add) {
        String name = Bodies.requiredText(body, "name");
        return channels.open(user, channelId).chain(opened -> find(channelId, messageId)
                .chain(() -> add ? messages.addReaction(messageId, user.id(), name, Nanos.now()) : messages.removeReaction(messageId, user.id(), name))
                .chain(() -> messages.find(messageId))
                .chain(updated -> events.toRoom(opened.channel(), add ? "message:reaction:add" : "message:reaction:remove", messageId,
                        withName(updated, name), MessageUser.of(user))))
                .replaceWith(true);
    }

    private record Found(Opened opened, ChannelMessage message) {
    }

    /** The message if the user wrote it, or is an admin; 403 for another user's message. */
    private Uni<Found> ownMessage(AuthenticatedUser user, String channelId, String messageId) {
        return channels.open(user, channelId).chain(opened -> find(channelId, messageId).map(message -> {
            if (!user.id().equals(message.userId()) && !user.isAdmin()) {
                throw ApiException.forbidden("Only the author or an admin may change this message");
            }
            return new Found(opened, message);
        }));
    }

    private Uni<ChannelMessage> find(String channelId, String messageId) {
        return messages.find(messageId).map(message -> {
            if (message == null || !channelId.equals(message.channelId())) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return message;
        });
    }

    /** A message the new one refers to, which must be in the same channel; null when not given. */
    private Uni<ChannelMessage> related(String channelId, String id, String field) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return messages.find(id).map(message -> {
            if (message == null || !channelId.equals(message.channelId())) {
                throw ApiException.badRequest("'" + field + "' is not a message of this channel");
            }
            return message;
        });
    }

    private Uni<Void> announcePost(Opened opened, ChannelMessage message, AuthenticatedUser user) {
        MessageUser actor = MessageUser.of(user);
        return events.toRoom(opened.channel(), "message", message.id(), message, actor)
                .chain(() -> announceThread(opened.channel(), message.parentId(), user))
                .chain(() -> channels.readers(opened, user.id()))
                .invoke(readers -> webhooks.posted(opened.channel().id(), opened.channel().name(), message.content(), readers))
                .chain(readers -> events.toOthers(opened.channel(), message, actor, readers));
    }

    /** A thread changed: its root, with the new reply count, goes out as {@code message:reply}. */
    private Uni<Void> announceThread(Channel channel, String parentId, AuthenticatedUser user) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        return messages.find(parentId).chain(root -> root == null ? Uni.createFrom().voidItem()
                : events.toRoom(channel, "message:reply", root.id(), root, MessageUser.of(user)));
    }

    /** Models named in the text, plus the model whose answer is quoted (replying to a model asks it again, as in Open WebUI). */
    private Uni<Void> mention(Channel channel, ChannelMessage message, AuthenticatedUser user) {
        List<String> modelIds = new ArrayList<>();
        ChannelMessage quoted = message.replyToMessage();
        if (quoted != null && quoted.meta() != null && quoted.meta().path("model_id").isTextual()) {
            modelIds.add(quoted.meta().get("model_id").textValue());
        }
        Matcher m = MODEL_MENTION.matcher(message.content());
        while (m.find()) {
            modelIds.add(m.group(1));
        }
        if (modelIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return mentions.mentioned(channel, message, List.copyOf(modelIds), user).onFailure().recoverWithUni(e -> {
            LOG.warnf(e, "Answering the model mention in %s failed", message.id());
            return Uni.createFrom().voidItem();
        });
    }

    /** The reaction events carry the message's fields plus the reaction's name. */
    private ObjectNode withName(ChannelMessage message, String name) {
        ObjectNode node = (ObjectNode) json.valueToTree(message);
        node.put("name", name);
        return node;
    }

    /** The text; it may be empty only when the message carries something else (files in data). */
    private static String content(JsonNode body, JsonNode data) {
        String content = Bodies.textOrNull(body, "content");
        if (content == null || (content.isBlank() && (data == null || data.isEmpty()))) {
            throw ApiException.badRequest("'content' is required");
        }
        return content;
    }

    private static JsonNode clean(JsonNode node) {
        return node == null ? null : JsonSanitizer.clean(node.deepCopy());
    }
}
