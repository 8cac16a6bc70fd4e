package dev.webui.common.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client event the bridge cannot answer itself, forwarded on the client-event channel.
 * {@code userId} is the socket's authenticated user, never a value taken from the payload.
 */
public record ClientEvent(String event, String sid, String userId, String instance, JsonNode data) {
}
