package dev.webui.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a {@link CallRequest}: the client's ack value, or {@code error} ("timeout"; "refused"
 * when the bridge will not forward the listened name for that socket).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallReply(String id, JsonNode result, String error) {
    public static final String TIMEOUT = "timeout";
    public static final String REFUSED = "refused";
}
