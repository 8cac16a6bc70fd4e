package dev.webui.api.support;

import dev.webui.common.testing.TestUsers.TestUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.webui.api.support.Api.as;

/** Chat bodies as the stock frontend sends them. */
public final class Chats {
    private Chats() {
    }

    /** A chat with a linear conversation of {@code n} messages (ids m0..m{n-1}). */
    public static Map<String, Object> conversation(String title, int n) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", "m" + i);
            message.put("parentId", i == 0 ? null : "m" + (i - 1));
            message.put("childrenIds", i + 1 < n ? List.of("m" + (i + 1)) : List.of());
            message.put("role", i % 2 == 0 ? "user" : "assistant");
            message.put("content", "message number " + i);
            message.put("timestamp", 1700000000 + i);
            if (i % 2 == 1) {
                message.put("model", "gpt-test");
                message.put("done", true);
            }
            nodes.put("m" + i, message);
        }
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", "");
        chat.put("title", title);
        chat.put("models", List.of("gpt-test"));
        chat.put("params", Map.of());
        chat.put("history", Map.of("currentId", n == 0 ? "" : "m" + (n - 1), "messages", nodes));
        chat.put("tags", List.of());
        chat.put("timestamp", 1700000000000L);
        return chat;
    }

    /** Creates a chat through the API and returns its id. */
    public static String create(TestUser user, String title, int messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat", conversation(title, messages));
        body.put("folder_id", null);
        return as(user).body(body).post("/api/v1/chats/new").then().statusCode(200).extract().path("id");
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
