package dev.webui.api.channel;

import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * The seam for models mentioned in a channel message ({@code <@M:model id|label>}): the completion
 * pipeline implements it to answer in the message's thread (a reply whose parent_id is the
 * mentioning message, announced with the same channel-events): {@link ModelThreadReplies}.
 */
public interface ModelMentions {
    /**
     * Called after {@code message} was stored and announced; the post answers when this completes,
     * so it should complete once the answer is under way, not when it is done. A failure is logged
     * and does not fail the post.
     */
    Uni<Void> mentioned(Channel channel, ChannelMessage message, List<String> modelIds, AuthenticatedUser author);
}
