package dev.webui.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.http.RequestIds;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.redis.RedisSubscriptions;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Asks one browser tab a question through the bridge (execute:tool, confirmation, ...) and waits
 * for its ack value. Answers come back on this process's own reply channel, subscribed on first use.
 * Fails with {@link TimeoutException} when no answer arrives in time (the tab ignored it, or no
 * bridge instance holds the socket).
 */
@ApplicationScoped
public class EventCaller {
    private static final Logger LOG = Logger.getLogger(EventCaller.class);
    /** Extra wait beyond the client's timeout, for the bridge's timeout reply to travel back. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final String replyChannel;
    private final Map<String, CompletableFuture<CallReply>> pending = new ConcurrentHashMap<>();
    private final Map<String, ItemListener> streams = new ConcurrentHashMap<>();
    private final RedisSubscriptions subscriptions;
    private volatile CompletableFuture<Void> subscribed;
    private volatile RedisSubscriptions.RedisSubscription subscription;

    public EventCaller(ReactiveRedisDataSource redis, RedisSubscriptions subscriptions, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.json = json;
        this.replyChannel = keys.callReplyChannel(UUID.randomUUID().toString());
    }

    /**
     * Emits {@code event} with {@code data} to socket {@code sid} of user {@code userId} and yields the client's
     * ack value; the call is refused when the socket belongs to someone else.
     */
    public Uni<JsonNode> call(String userId, String sid, String event, Object data, Duration timeout) {
        return call(UUID.randomUUID().toString(), userId, sid, event, data, timeout, null);
    }

    /**
     * A call whose socket then sends a stream of its own under the event name {@code listen}
     * ({@link CallRequest#listen()}): every item reaches {@code items}, from the moment this returns
     * (so items that overtake the ack are kept), until {@link ListeningCall#release()}. The items are
     * handed over on a Redis client thread.
     */
    public ListeningCall listen(String userId, String sid, String event, Object data, Duration timeout, String listen, ItemListener items) {
        String id = UUID.randomUUID().toString();
        streams.put(id, items);
        return new ListeningCall(call(id, userId, sid, event, data, timeout, listen), () -> release(id));
    }

    /** Forgets the items of call {@code id} and tells the bridge to stop forwarding them. */
    private void release(String id) {
        if (streams.remove(id) == null) {
            return;
        }
        try {
            redis.pubsub(String.class).publish(keys.callChannel(), json.writeValueAsString(CallRequest.release(id)))
                    .subscribe().with(done -> { }, e -> LOG.debugf(e, "Release of call %s not sent", id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<JsonNode> call(String id, String userId, String sid, String event, Object data, Duration timeout, String listen) {
        if (userId == null || userId.isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException("A call to a socket names the user it is made for"));
        }
        String payload;
        try {
            payload = json.writeValueAsString(new CallRequest(id, event, data, userId, sid, replyChannel, timeout.toMillis(),
                    RequestIds.current(), listen));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event data is not serialisable to JSON", e));
        }
        CompletableFuture<CallReply> reply = new CompletableFuture<>();
        // the client's time starts once the call is out, not while the reply subscription is set up
        return Uni.createFrom().completionStage(this::subscribe)
                .invoke(() -> pending.put(id, reply))
                .chain(() -> redis.pubsub(String.class).publish(keys.callChannel(), payload))
                .chain(() -> Uni.createFrom().completionStage(reply)
                        .ifNoItem().after(timeout.plus(GRACE)).failWith(() -> new TimeoutException("No answer from socket " + sid)))
                .flatMap(answer -> answer.error() == null
                        ? Uni.createFrom().item(answer.result())
                        : Uni.createFrom().failure(CallReply.REFUSED.equals(answer.error())
                                ? new IllegalStateException("Socket " + sid + " refused the call")
                                : new TimeoutException("Socket " + sid + " did not answer: " + answer.error())))
                .onTermination().invoke(() -> pending.remove(id));
    }

    private synchronized CompletableFuture<Void> subscribe() {
        if (subscribed == null || subscribed.isCompletedExceptionally()) {
            subscribed = subscriptions.subscribe(List.of(replyChannel), (channel, message) -> complete(message), this::subscriptionEnded)
                    .onFailure().retry().atMost(2)
                    .invoke(subscription -> this.subscription = subscription)
                    .replaceWithVoid()
                    .subscribeAsCompletionStage();
        }
        return subscribed;
    }

    /** The reply connection ended (Redis restarted): the next call subscribes again. */
    private synchronized void subscriptionEnded() {
        subscribed = null;
    }

    private void complete(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node.has("item") || node.has("end")) {
                CallItem item = json.treeToValue(node, CallItem.class);
                ItemListener listener = streams.get(item.id());
                if (listener != null) {
                    listener.received(item);
                }
                return;
            }
            CallReply reply = json.treeToValue(node, CallReply.class);
            CompletableFuture<CallReply> waiting = pending.remove(reply.id());
            if (waiting != null) {
                waiting.complete(reply);
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring a malformed event call reply: %s", e.getOriginalMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        RedisSubscriptions.RedisSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    /** Receives the items of a listening call. */
    @FunctionalInterface
    public interface ItemListener {
        void received(CallItem item);
    }

    /** A listening call: its ack, and the way to stop receiving its items (also tells the bridge). */
    public record ListeningCall(Uni<JsonNode> ack, Runnable release) {
    }
}
