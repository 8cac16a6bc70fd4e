package dev.webui.api.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** GET /channels/{id}: the channel and whether the caller may post in it (the stock UI hides the input without it). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChannelResponse(String id, String userId, String type, String name, String description, JsonNode data,
                              JsonNode meta, JsonNode accessControl, long createdAt, long updatedAt, boolean writeAccess) {

    static ChannelResponse of(ChannelService.Opened opened) {
        Channel c = opened.channel();
        return new ChannelResponse(c.id(), c.userId(), c.type(), c.name(), c.description(), c.data(), c.meta(),
                c.accessControl(), c.createdAt(), c.updatedAt(), opened.canPost());
    }
}
