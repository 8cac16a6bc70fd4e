package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import dev.webui.api.support.Poll;
import io.smallrye.mutiny.subscription.Cancellable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;


/**
 * Listens on the bridge's emit channel, as a bridge instance would, and keeps every emit request.
 * One per test class: cancelling a subscription while another on the same channel starts could
 * unsubscribe both.
 */
final class EmitTap implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> emits = new CopyOnWriteArrayList<>();
    private final Cancellable subscription;

    EmitTap(ReactiveRedisDataSource redis, String channel) {
        subscription = redis.pubsub(String.class).subscribe(channel).subscribe().with(message -> {
            try {
                emits.add(JSON.readTree(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the subscription is in place once a probe published on the channel comes back
        Poll.until("the emit channel subscription", () -> {
            redis.pubsub(String.class).publish(channel, "{\"event\":\"probe\"}").await().indefinitely();
            return emits.stream().anyMatch(e -> "probe".equals(e.path("event").asText()));
        });
    }

    /** The chat-events payloads for one message of one chat, in publication order. */
    List<JsonNode> chatEvents(String chatId, String messageId) {
        return emits.stream().filter(e -> "chat-events".equals(e.path("event").asText()))
                .filter(e -> chatId.equals(e.path("data").path("chat_id").asText()))
                .filter(e -> messageId.equals(e.path("data").path("message_id").asText()))
                .map(e -> e.path("data")).toList();
    }

    /** Waits until an event of the message matches, then returns all of them. */
    List<JsonNode> awaitEvent(String chatId, String messageId, Predicate<JsonNode> match) {
        Poll.until("a chat-event of message " + messageId + " in chat " + chatId,
                () -> chatEvents(chatId, messageId).stream().anyMatch(match));
        return chatEvents(chatId, messageId);
    }

    static boolean isType(JsonNode event, String type) {
        return type.equals(event.path("data").path("type").asText());
    }

    static boolean isDone(JsonNode event) {
        return isType(event, "chat:completion") && event.path("data").path("data").path("done").asBoolean(false);
    }

    @Override
    public void close() {
        subscription.cancel();
    }
}
