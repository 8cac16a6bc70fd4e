package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.CompletionPipeline;
import dev.webui.api.completion.CompletionPipeline.Prepared;
import dev.webui.api.completion.ModelResolver;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Answers model mentions the way Open WebUI 0.6.32 does: for each mentioned model the author may
 * use, an empty reply (meta {@code model_id}, {@code model_name}) is posted in the thread and
 * announced, then filled in with the model's non-streamed answer ({@code message:update}, meta
 * {@code done: true}). The provider's answer is not awaited by the post, so a slow or failing
 * provider never delays or fails the author's message; a failure fills the reply with
 * {@code "Error: <reason>"} so members are not left with an empty bubble.
 */
@ApplicationScoped
public class ModelThreadReplies implements ModelMentions {
    private static final Logger LOG = Logger.getLogger(ModelThreadReplies.class);
    /** How many earlier messages of the thread the model sees. */
    static final int CONTEXT_MESSAGES = 20;

    private final ModelResolver models;
    private final CompletionPipeline pipeline;
    private final ChannelMessageRepository messages;
    private final ChannelEvents events;
    private final ObjectMapper mapper;

    public ModelThreadReplies(ModelResolver models, CompletionPipeline pipeline, ChannelMessageRepository messages, ChannelEvents events, ObjectMapper mapper) {
        this.models = models;
        this.pipeline = pipeline;
        this.messages = messages;
        this.events = events;
        this.mapper = mapper;
    }

    @Override
    public Uni<Void> mentioned(Channel channel, ChannelMessage message, List<String> modelIds, AuthenticatedUser author) {
        String rootId = message.parentId() != null ? message.parentId() : message.id();
        return history(rootId, message.id()).chain(history -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String modelId : new LinkedHashSet<>(modelIds)) {
                all = all.chain(() -> answer(channel, message, rootId, modelId, history, author));
            }
            return all;
        });
    }

    /** The thread root and its latest replies, oldest first, without the mentioning message and empty bot replies. */
    private Uni<List<ChannelMessage>> history(String rootId, String mentioningId) {
        return messages.find(rootId).chain(root -> messages.replies(rootId, 0, CONTEXT_MESSAGES).map(replies -> {
            List<ChannelMessage> thread = new ArrayList<>(replies);
            Collections.reverse(thread);
            if (root != null) {
                thread.add(0, root);
            }
            thread.removeIf(m -> m.id().equals(mentioningId) || m.content() == null || m.content().isBlank());
            return thread;
        }));
    }

    private Uni<Void> answer(Channel channel, ChannelMessage message, String rootId, String modelId, List<ChannelMessage> history,
                             AuthenticatedUser author) {
        return models.resolve(author, modelId)
                .chain(model -> pipeline.prepare(request(model.id(), model.name(), message, history, author), model))
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("Mention of %s by %s ignored: %s", modelId, author.id(), e.getMessage());
                    return null;
                })
                .chain(prepared -> prepared == null ? Uni.createFrom().voidItem()
                        : placeholder(channel, rootId, prepared, author).invoke(reply -> complete(channel, reply, prepared, author))
                        .replaceWithVoid());
    }

    private ObjectNode request(String modelId, String modelName, ChannelMessage message, List<ChannelMessage> history, AuthenticatedUser author) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", modelId);
        body.put("stream", false);
        ArrayNode turns = body.putArray("messages");
        turns.addObject().put("role", "system").put("content", ThreadPrompt.system(modelName, history));
        turns.addObject().put("role", "user").put("content", author.name() + ": " + ThreadPrompt.plain(message.content()));
        return body;
    }

    /** The empty reply, stored and announced like any post ({@code message}, then {@code message:reply} on the root). */
    private Uni<ChannelMessage> placeholder(Channel channel, String rootId, Prepared prepared, AuthenticatedUser author) {
        long now = Nanos.now();
        ObjectNode meta = mapper.createObjectNode();
        meta.put("model_id", prepared.model().id());
        meta.put("model_name", prepared.model().name());
        ChannelMessage reply = new ChannelMessage(UUID.randomUUID().toString(), author.id(), channel.id(), null, rootId, "",
                mapper.createObjectNode(), meta, now, now, null, null, null, 0, List.of());
        MessageUser actor = MessageUser.of(author);
        return messages.insert(reply).chain(() -> messages.find(reply.id()))
                .call(stored -> events.toRoom(channel, "message", stored.id(), stored, actor))
                .call(() -> messages.find(rootId).chain(root -> root == null ? Uni.createFrom().voidItem()
                        : events.toRoom(channel, "message:reply", root.id(), root, actor)));
    }

    /** Runs in the background, not awaited by the post: asks the model, then fills the reply in. */
    private void complete(Channel channel, ChannelMessage reply, Prepared prepared, AuthenticatedUser author) {
        Uni.createFrom().completionStage(() -> pipeline.json(author, prepared).toCompletionStage())
                .map(json -> json.path("choices").path(0).path("message").path("content").asText(""))
                .onFailure().recoverWithItem(e -> {
                    LOG.infof("Model %s could not answer in channel %s: %s", prepared.model().id(), channel.id(), e.getMessage());
                    return "Error: " + e.getMessage();
                })
                .chain(content -> fill(channel, reply, content, author))
                .subscribe().with(ok -> { }, e -> LOG.warnf(e, "Model reply %s not saved", reply.id()));
    }

    private Uni<Void> fill(Channel channel, ChannelMessage reply, String content, AuthenticatedUser author) {
        ObjectNode meta = reply.meta() instanceof ObjectNode m ? m.deepCopy() : mapper.createObjectNode();
        meta.put("done", true);
        JsonNode data = reply.data();
        return messages.update(reply.id(), content, data, meta, Nanos.now())
                .chain(() -> messages.find(reply.id()))
                .chain(updated -> updated == null ? Uni.createFrom().voidItem()
                        : events.toRoom(channel, "message:update", updated.id(), updated, MessageUser.of(author)));
    }
}
