package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.chat.TestSql;
import dev.webui.api.support.Chats;
import dev.webui.api.support.Poll;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Title, tags and follow-ups: as background tasks of a completion and as /api/v1/tasks endpoints. */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class GenerationTasksTest extends CompletionTestBase {
    @Override
    Map<String, Object> presetParams() {
        return Map.of();
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    @Test
    void backgroundTasksEmitAndSaveFollowUpsTitleAndTags() {
        String chatId = Chats.create(user, "New Chat", 2);
        as(user).body(withAllTasks("How far is Mars?", chatId)).post("/api/chat/completions").then().statusCode(200);

        List<JsonNode> ended = tap.awaitEvent(chatId, "m1", e -> EmitTap.isDone(e) || EmitTap.isType(e, "chat:message:error"));
        assertTrue(ended.stream().noneMatch(e -> EmitTap.isType(e, "chat:message:error")), ended.toString());
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:tags"));
        List<String> types = events.stream().map(e -> e.path("data").path("type").asText())
                .filter(t -> List.of("chat:message:follow_ups", "chat:title", "chat:tags").contains(t)).toList();
        assertEquals(List.of("chat:message:follow_ups", "chat:title", "chat:tags"), types, "Open WebUI's order");
        JsonNode title = events.stream().filter(e -> EmitTap.isType(e, "chat:title")).findFirst().orElseThrow();
        assertEquals("Fake title", data(title).asText(), "chat:title carries a bare string");
        JsonNode tags = events.stream().filter(e -> EmitTap.isType(e, "chat:tags")).findFirst().orElseThrow();
        assertTrue(data(tags).isArray() && data(tags).size() == 2, tags.toString());
        JsonNode followUps = events.stream().filter(e -> EmitTap.isType(e, "chat:message:follow_ups")).findFirst().orElseThrow();
        assertEquals("How far?", data(followUps).path("follow_ups").path(1).asText());
        assertTrue(events.indexOf(followUps) > events.indexOf(events.stream().filter(EmitTap::isDone).findFirst().orElseThrow()),
                "background tasks run after done");

        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("title", equalTo("Fake title"))
                .body("chat.history.messages.m1.followUps", equalTo(List.of("Why?", "How far?")));
        as(user).get("/api/v1/chats/" + chatId + "/tags").then().statusCode(200)
                .body("name", hasItems("Science", "Space Travel"));
    }

    private static Map<String, Object> withAllTasks(String prompt, String chatId) {
        Map<String, Object> body = requestBody("helper", prompt, chatId, true);
        body.put("background_tasks", Map.of("title_generation", true, "tags_generation", true, "follow_up_generation", true));
        return body;
    }

    private List<JsonNode> runWithTasks(String chatId, String prompt) {
        as(user).body(withAllTasks(prompt, chatId)).post("/api/chat/completions").then().statusCode(200);
        return tap.awaitEvent(chatId, "m1", e -> EmitTap.isType(e, "chat:title"));
    }

    @Test
    void aModelThatEchoesItsPromptGivesTheUsersMessageAsTitleAndNoPlaceholders() {
        String chatId = Chats.create(user, "New Chat", 2);
        String prompt = "Tell me about echo-model behaviour";
        List<JsonNode> events = runWithTasks(chatId, prompt);
        JsonNode title = events.stream().filter(e -> EmitTap.isType(e, "chat:title")).findFirst().orElseThrow();
        assertEquals(prompt, data(title).asText(), "the title falls back to the user's message");
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200).body("title", equalTo(prompt));
        // tags run last: once the provider answered their prompt, give the answer a moment to be handled
        Poll.until("the tags prompt", () -> upstream.requests.stream().anyMatch(r -> r.encode().contains("echo-model")
                && r.encode().contains("tags")));
        // nothing may follow the tags prompt's answer: watch the events for a while
        await("no follow-ups or tags event").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> tap.chatEvents(chatId, "m1").stream().noneMatch(e -> EmitTap.isType(e, "chat:tags")));
        List<JsonNode> all = tap.chatEvents(chatId, "m1");
        assertTrue(all.stream().noneMatch(e -> EmitTap.isType(e, "chat:message:follow_ups")), "no \"...\" follow-ups: " + all);
        assertTrue(all.stream().noneMatch(e -> EmitTap.isType(e, "chat:tags")), "no \"...\" tags: " + all);
        assertTrue(all.stream().noneMatch(e -> data(e).toString().contains("\"...\"")), all.toString());
    }

    @Test
    void followUpsAreDistinctAndPlaceholdersDropped() {
        String chatId = Chats.create(user, "New Chat", 2);
        List<JsonNode> events = runWithTasks(chatId, "dup-follow please");
        JsonNode followUps = events.stream().filter(e -> EmitTap.isType(e, "chat:message:follow_ups")).findFirst().orElseThrow();
        assertEquals("[\"Why?\",\"How far?\"]", data(followUps).path("follow_ups").toString());
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.followUps", equalTo(List.of("Why?", "How far?")));
    }

    @Test
    void taskConfigIsAnAdminSettingEveryUserCanRead() {
        as(user).get("/api/v1/tasks/config").then().statusCode(200)
                .body("ENABLE_TITLE_GENERATION", equalTo(true))
                .body("TASK_MODEL", equalTo(""));
        as(user).body(Map.of("ENABLE_TAGS_GENERATION", false)).post("/api/v1/tasks/config/update").then().statusCode(401);
        as(admin).body(Map.of("ENABLE_TAGS_GENERATION", "no")).post("/api/v1/tasks/config/update").then().statusCode(400)
                .body("detail", containsString("ENABLE_TAGS_GENERATION"));
        try {
            as(admin).body(Map.of("ENABLE_TAGS_GENERATION", false, "TITLE_GENERATION_PROMPT_TEMPLATE",
                            "Title please, as {\"title\": \"...\"}: {{MESSAGES:END:1}}"))
                    .post("/api/v1/tasks/config/update").then().statusCode(200)
                    .body("ENABLE_TAGS_GENERATION", equalTo(false));
            as(user).body(Map.of("model", "helper", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .post("/api/v1/tasks/tags/completions").then().statusCode(200)
                    .body("detail", equalTo("Tags generation is disabled"));
            int before = upstream.requests.size();
            as(user).body(Map.of("model", "helper", "messages", List.of(Map.of("role", "user", "content", "first"),
                            Map.of("role", "assistant", "content", "last words"))))
                    .post("/api/v1/tasks/title/completions").then().statusCode(200)
                    .body("choices[0].message.content", containsString("Fake title"));
            String sent = upstream.requests.get(before).getJsonArray("messages").getJsonObject(0).getString("content");
            assertEquals("Title please, as {\"title\": \"...\"}: ASSISTANT: last words", sent);
        } finally {
            as(admin).body(Map.of("ENABLE_TAGS_GENERATION", true, "TITLE_GENERATION_PROMPT_TEMPLATE", ""))
                    .post("/api/v1/tasks/config/update").then().statusCode(200);
        }
    }

    @Test
    void generationEndpointsUseTheModelsTheUserMaySee() {
        as(user).body(Map.of("model", "helper", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/api/v1/tasks/follow_ups/completions").then().statusCode(200)
                .body("choices[0].message.content", containsString("follow_ups"));
        as(user).body(Map.of("model", "gpt-fake", "messages", List.of())).post("/api/v1/tasks/title/completions")
                .then().statusCode(400).body("detail", equalTo("Model not found"));
        as(user).body(Map.of("messages", List.of())).post("/api/v1/tasks/title/completions").then().statusCode(400);
    }

    @Test
    void chatCompletedEchoesTheBodyForTheOwnerAndAModelTheyMayUse() {
        String chatId = Chats.create(user, "done", 2);
        Map<String, Object> body = Map.of("model", "helper", "chat_id", chatId, "id", "m1",
                "messages", List.of(Map.of("id", "m1", "role", "assistant", "content", "Hello")));
        as(user).body(body).post("/api/chat/completed").then().statusCode(200).body("messages[0].content", equalTo("Hello"));
        as(other).body(body).post("/api/chat/completed").then().statusCode(404);
        as(user).body(Map.of("chat_id", chatId)).post("/api/chat/completed").then().statusCode(400);
        as(user).body(body).post("/api/chat/actions/some-action.sub").then().statusCode(400)
                .body("detail", equalTo("Action not found: some-action"));
        as(user).body(Map.of("model", "gpt-fake", "messages", List.of())).post("/api/chat/completed").then().statusCode(400)
                .body("detail", equalTo("Model not found"));
        Map<String, Object> withItem = new java.util.HashMap<>(body);
        withItem.put("model_item", Map.of("id", "helper"));
        as(user).body(withItem).post("/api/chat/completed").then().statusCode(200).body("model_item", equalTo(null))
                .body("chat_id", equalTo(chatId));
        assertEquals(List.of("done"), TestSql.strings("SELECT title FROM chat WHERE id = ?", chatId));
    }
}
