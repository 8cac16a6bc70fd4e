package dev.webui.api.completion;

import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventPublisher;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chat-events of one answer, published to all of the user's sockets strictly in order, one at
 * a time. While a publish is in flight, newer "content so far" events replace an older queued one
 * (each carries the whole text), so a slow Redis costs frames, never order or memory.
 */
final class ChatEventStream {
    private static final Logger LOG = Logger.getLogger(ChatEventStream.class);
    static final String EVENT = "chat-events";

    private record Item(Object data, boolean replaceable) {
    }

    private final EventPublisher publisher;
    private final String userId;
    private final String chatId;
    private final String messageId;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private boolean busy;

    ChatEventStream(EventPublisher publisher, String userId, String chatId, String messageId) {
        this.publisher = publisher;
        this.userId = userId;
        this.chatId = chatId;
        this.messageId = messageId;
    }

    /** {@code chat:completion {"content": text}}: replaces a queued content event not yet sent. */
    void content(String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("content", text);
        enqueue(envelope("chat:completion", data), true);
    }

    void emit(String type, Object data) {
        enqueue(envelope(type, data), false);
    }

    private Map<String, Object> envelope(String type, Object data) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", type);
        if (data != null) {
            inner.put("data", data);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("chat_id", chatId);
        envelope.put("message_id", messageId);
        envelope.put("data", inner);
        return envelope;
    }

    private void enqueue(Object envelope, boolean replaceable) {
        synchronized (this) {
            Item last = queue.peekLast();
            if (replaceable && last != null && last.replaceable()) {
                queue.pollLast();
            }
            queue.addLast(new Item(envelope, replaceable));
            if (busy) {
                return;
            }
            busy = true;
        }
        next();
    }

    private void next() {
        Item item;
        synchronized (this) {
            item = queue.pollFirst();
            if (item == null) {
                busy = false;
                return;
            }
        }
        publisher.emit(new EmitRequest(EVENT, item.data(), EmitRequest.Target.users(userId)))
                .subscribe().with(ok -> next(), e -> {
                    LOG.warnf(e, "chat-events for chat %s not published", chatId);
                    next();
                });
    }
}
