package dev.webui.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An acknowledged emit ("event call") to one socket, published on the call channel. The bridge
 * instance holding {@code sid} emits {@code event} with {@code data} and an ack callback, then
 * publishes a {@link CallReply} with the same {@code id} on {@code replyTo}. Format: docs/redis.md.
 * {@code requestId} (optional) names the request that caused it, for the bridge's log lines.
 * {@code listen} (optional) names a client event the socket sends after the ack (a direct connection's
 * per-request channel): the bridge forwards what that socket, and only it, sends under that name as
 * {@link CallItem}s on {@code replyTo} until the item {@code {"done": true}}, a {@link #release} or a
 * silence of {@code timeoutMs}. {@code userId} is the user on whose behalf the call is made: the bridge
 * refuses a call to a socket of anyone else, so naming another user's session id gets nothing.
 */
public record CallRequest(String id, String event, Object data, String userId, String sid, String replyTo, long timeoutMs,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String requestId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String listen) {
    /** The message, on the call channel, that ends the forwarding of call {@code id}: the service stopped listening. */
    public static java.util.Map<String, String> release(String id) {
        return java.util.Map.of("release", id);
    }
}
