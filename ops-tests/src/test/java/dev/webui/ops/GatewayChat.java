package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's chat through the gateway as the stock UI drives it: a new chat, the question and an
 * empty answer saved, the completion asked in socket mode, the answer awaited as the {@code done}
 * chat event and then read back from the saved chat.
 */
final class GatewayChat {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final SocketClients sockets;
    private final Gateway user;
    private final String client;
    private final String sid;

    GatewayChat(SocketClients sockets, Gateway user, String client, String sid) {
        this.sockets = sockets;
        this.user = user;
        this.client = client;
        this.sid = sid;
    }

    /** One exchange: ids, the answer as the done event carried it and as it was saved. */
    record Exchange(String chat, String question, String assistant, String answer) {
    }

    /** Asks {@code question} of {@code model} in a new chat; {@code extra} is added to the completion request. */
    Exchange ask(String model, String question, Map<String, Object> extra) throws InterruptedException {
        String chat = newChat(model);
        String questionId = UUID.randomUUID().toString();
        String assistant = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> messages = Map.of(
                questionId, Map.of("id", questionId, "parentId", "", "childrenIds", List.of(assistant), "role", "user",
                        "content", question, "timestamp", now, "models", List.of(model)),
                assistant, Map.of("id", assistant, "parentId", questionId, "childrenIds", List.of(), "role", "assistant",
                        "content", "", "model", model, "timestamp", now));
        Gateway.Response saved = user.post("/api/v1/chats/" + chat, Map.of("chat", Map.of("models", List.of(model),
                "history", Map.of("currentId", assistant, "messages", messages))));
        assertEquals(200, saved.status(), saved.toString());

        Map<String, Object> request = new java.util.HashMap<>(Map.of("model", model, "stream", true,
                "messages", List.of(Map.of("role", "user", "content", question)), "session_id", sid, "chat_id", chat, "id", assistant));
        request.putAll(extra);
        Gateway.Response started = user.post("/api/chat/completions", request);
        assertEquals(200, started.status(), started.toString());
        JsonNode done = sockets.awaitEvent(client, "chat-events", e -> assistant.equals(e.path("message_id").asText())
                && "chat:completion".equals(e.path("data").path("type").asText()) && e.path("data").path("data").path("done").asBoolean(false), WAIT);
        String answer = done.path("data").path("data").path("content").asText();
        assertTrue(!answer.isEmpty(), "the done event carries the answer: " + done);
        awaitSaved(user, chat, assistant, answer::equals);
        return new Exchange(chat, question, assistant, answer);
    }

    private String newChat(String model) {
        Gateway.Response created = user.post("/api/v1/chats/new", Map.of("chat", Map.of("title", "Ops", "models", List.of(model),
                "messages", List.of(), "history", Map.of("messages", Map.of(), "currentId", ""))));
        assertEquals(200, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    /** The answer's content in the chat read back, once it is what is expected. */
    static String awaitSaved(Gateway user, String chat, String messageId, Predicate<String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Gateway.Response read = user.get("/api/v1/chats/" + chat);
            assertEquals(200, read.status(), read.toString());
            String content = read.json().path("chat").path("history").path("messages").path(messageId).path("content").asText("");
            if (expected.test(content)) {
                return content;
            }
            assertTrue(Instant.now().isBefore(deadline), "the saved answer is '" + content + "'");
            Thread.sleep(200);
        }
    }
}
