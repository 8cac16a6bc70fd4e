package dev.webui.common.events;

/**
 * An acknowledged emit ("event call") to one socket, published on the call channel. The bridge
 * instance holding {@code sid} emits {@code event} with {@code data} and an ack callback, then
 * publishes a {@link CallReply} with the same {@code id} on {@code replyTo}. Format: docs/redis.md.
 */
public record CallRequest(String id, String event, Object data, String sid, String replyTo, long timeoutMs) {
}
