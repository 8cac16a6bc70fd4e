package dev.webui.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An acknowledged emit ("event call") to one socket, published on the call channel. The bridge
 * instance holding {@code sid} emits {@code event} with {@code data} and an ack callback, then
 * publishes a {@link CallReply} with the same {@code id} on {@code replyTo}. Format: docs/redis.md.
 * {@code requestId} (optional) names the request that caused it, for the bridge's log lines.
 */
public record CallRequest(String id, String event, Object data, String sid, String replyTo, long timeoutMs,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {
}
