package dev.webui.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the socket of a listening call ({@link CallRequest#listen()}) sent under the listened name,
 * published by the bridge on the caller's reply channel: {@code item} as the client sent it, or
 * {@code end} when the bridge stopped forwarding without a {@code {"done": true}} ("disconnected",
 * "timeout").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallItem(String id, JsonNode item, String end) {
    public static final String DISCONNECTED = "disconnected";
    public static final String TIMEOUT = "timeout";
}
