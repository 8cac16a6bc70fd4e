package dev.webui.api.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The contract's channel message with its author, quoted message, thread summary and reactions
 * (docs/channels.md, "Events"); timestamps in nanoseconds.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChannelMessage(String id, String userId, String channelId, String replyToId, String parentId, String content,
                             JsonNode data, JsonNode meta, long createdAt, long updatedAt, MessageUser user,
                             ChannelMessage replyToMessage, Long latestReplyAt, int replyCount, List<Reaction> reactions) {

    ChannelMessage withReplyTo(ChannelMessage quoted) {
        return new ChannelMessage(id, userId, channelId, replyToId, parentId, content, data, meta, createdAt, updatedAt, user,
                quoted, latestReplyAt, replyCount, reactions);
    }
}
