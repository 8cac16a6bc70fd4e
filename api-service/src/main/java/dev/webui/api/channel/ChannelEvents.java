package dev.webui.api.channel;

import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes {@code channel-events} (docs/channels.md, "Events") to the room {@code channel:<id>}; a new
 * message also reaches the readers' sockets that are not in that room (a channel created or shared
 * after they connected), which the UI shows as a notification.
 */
@ApplicationScoped
public class ChannelEvents {
    static final String EVENT = "channel-events";

    private final EventPublisher publisher;

    public ChannelEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    static String room(String channelId) {
        return "channel:" + channelId;
    }

    /** Emits {@code type} about {@code message} to the channel's room, with the acting user and the channel. */
    public Uni<Void> toRoom(Channel channel, String type, String messageId, Object message, MessageUser actor) {
        return publisher.emit(new EmitRequest(EVENT, payload(channel, type, messageId, message, actor), EmitRequest.Target.room(room(channel.id()))));
    }

    /** The new-message event for readers whose sockets are outside the room. */
    public Uni<Void> toOthers(Channel channel, ChannelMessage message, MessageUser actor, List<String> readerIds) {
        if (readerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return publisher.emit(new EmitRequest(EVENT, payload(channel, "message", message.id(), message, actor),
                EmitRequest.Target.usersOutside(room(channel.id()), readerIds)));
    }

    private static Map<String, Object> payload(Channel channel, String type, String messageId, Object message, MessageUser actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("data", message);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("channel_id", channel.id());
        payload.put("message_id", messageId);
        payload.put("data", data);
        payload.put("user", actor);
        payload.put("channel", channel);
        return payload;
    }
}
