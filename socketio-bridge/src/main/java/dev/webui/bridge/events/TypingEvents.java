package dev.webui.bridge.events;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.bridge.delivery.Emit;
import dev.webui.bridge.delivery.FleetPublisher;
import dev.webui.bridge.session.LocalSessions;
import dev.webui.bridge.session.Rooms;

/**
 * {@code channel-events} from a client: only {@code typing}, only from a socket in the channel's
 * room, re-broadcast to the room on every instance (sender included) with the sender's user.
 */
public final class TypingEvents {
    static final String EVENT = "channel-events";

    private final LocalSessions local;
    private final FleetPublisher publisher;
    private final ObjectMapper json;

    public TypingEvents(LocalSessions local, FleetPublisher publisher, ObjectMapper json) {
        this.local = local;
        this.publisher = publisher;
        this.json = json;
    }

    public void register(SocketIOServer server) {
        server.addEventListener(EVENT, JsonNode.class, this::channelEvent);
    }

    private void channelEvent(SocketIOClient client, JsonNode data, AckRequest ack) {
        if (data == null || !data.path("channel_id").isTextual() || !"typing".equals(data.at("/data/type").asText())) {
            return;
        }
        String room = Rooms.channel(data.get("channel_id").asText());
        local.user(client).filter(user -> client.getAllRooms().contains(room)).ifPresent(user -> {
            ObjectNode event = json.createObjectNode();
            event.put("channel_id", data.get("channel_id").asText());
            event.set("message_id", data.path("message_id").isTextual() ? data.get("message_id") : json.nullNode());
            ObjectNode typing = event.putObject("data");
            typing.put("type", "typing");
            typing.set("data", data.at("/data/data").isObject() ? data.at("/data/data") : json.createObjectNode());
            ObjectNode sender = event.putObject("user");
            sender.put("id", user.id());
            sender.put("name", user.name());
            sender.put("role", user.role());
            sender.put("profile_image_url", user.profileImageUrl());
            publisher.emit(new Emit(EVENT, event, Emit.Target.room(room, null)));
        });
    }
}
