package dev.webui.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.testing.TestUsers.TestUser;

import java.util.HashMap;
import java.util.Map;

import static dev.webui.api.support.Api.as;

/** Channels and their messages made through the API, and the emits that announce them. */
public final class Channels {
    private Channels() {
    }

    /** A new channel; {@code accessControl} null makes it public. */
    public static String create(TestUser owner, String name, Object accessControl) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "description", "about " + name));
        body.put("access_control", accessControl);
        return as(owner).body(body).post("/api/v1/channels/create").then().statusCode(200).extract().path("id");
    }

    /** Posts a message (a reply when the body has {@code parent_id}); answers its id. */
    public static String post(TestUser author, String channel, Map<String, Object> body) {
        return as(author).body(body).post("/api/v1/channels/" + channel + "/messages/post").then().statusCode(200).extract().path("id");
    }

    /** Whether an emit request is the channel's {@code channel-events} of this type. */
    public static boolean isEvent(JsonNode emit, String channelId, String type) {
        return "channel-events".equals(emit.path("event").asText()) && channelId.equals(emit.at("/data/channel_id").asText())
                && type.equals(emit.at("/data/data/type").asText());
    }
}
