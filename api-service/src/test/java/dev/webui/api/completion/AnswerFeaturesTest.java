package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.webui.api.support.Chats;
import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeFileService;
import dev.webui.api.support.Poll;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.webui.api.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the pipeline adds around the provider's answer: arena models hand the message to a
 * candidate and record the pick, reasoning becomes the stock UI's reasoning block (socket and SSE
 * modes, saved for a reload), and the user's relevant memories reach the prompt when memory is on.
 */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeFileServiceResource.class, restrictToAnnotatedClass = true)
class AnswerFeaturesTest extends CompletionTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    FakeFileService files;
    private static final String HELPER_SYSTEM = "You are the helper.";
    private static final Pattern DONE_BLOCK = Pattern.compile(
            "<details type=\"reasoning\" done=\"true\" duration=\"(\\d+)\">\n<summary>Thought for \\1 seconds</summary>\n"
                    + "> Let me think\\.\n> Second line\n</details>\nAnswer\\.");

    @Override
    Map<String, Object> presetParams() {
        return Map.of("system", HELPER_SYSTEM);
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    private static JsonNode savedMessage(String chatId) {
        return savedMessage(user, chatId);
    }

    private static JsonNode savedMessage(TestUsers.TestUser owner, String chatId) {
        String json = as(owner).get("/api/v1/chats/" + chatId).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(json).path("chat").path("history").path("messages").path("m1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void arenaModels(Object models) {
        as(admin).body(Map.of("ENABLE_EVALUATION_ARENA_MODELS", true, "EVALUATION_ARENA_MODELS", models))
                .post("/api/v1/evaluations/config").then().statusCode(200);
    }

    private static Map<String, Object> arena(String id, List<String> modelIds, String filterMode) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("model_ids", modelIds);
        if (filterMode != null) {
            meta.put("filter_mode", filterMode);
        }
        meta.put("access_control", null);
        return Map.of("id", id, "name", id, "meta", meta);
    }

    private static JsonObject lastUpstream(String prompt) {
        List<JsonObject> matching = upstream.requests.stream().filter(r -> {
            JsonArray messages = r.getJsonArray("messages");
            return prompt.equals(messages.getJsonObject(messages.size() - 1).getString("content"));
        }).toList();
        return matching.get(matching.size() - 1);
    }

    private static String system(JsonObject request) {
        JsonObject first = request.getJsonArray("messages").getJsonObject(0);
        return "system".equals(first.getString("role")) ? first.getString("content") : "";
    }

    @Test
    void theDefaultArenaModelAnswersThroughOneOfAllModelsAndRecordsThePick() {
        arenaModels(List.of());
        // the default arena model has no access control: only admins see and use it
        as(user).body(requestBody("arena-model", "Hi arena", null, false)).post("/api/chat/completions").then().statusCode(400);
        String chatId = Chats.create(admin, "arena", 1);
        as(admin).body(requestBody("arena-model", "Hi arena", chatId, true)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", e -> EmitTap.isDone(e) || EmitTap.isType(e, "chat:message:error"));
        assertTrue(events.stream().noneMatch(e -> EmitTap.isType(e, "chat:message:error")), events.toString());
        JsonNode first = events.get(0);
        assertTrue(EmitTap.isType(first, "chat:completion"), first.toString());
        String picked = data(first).path("selected_model_id").asText();
        assertTrue(List.of(CompletionFixture.MODEL, CompletionFixture.PRESET).contains(picked), picked);
        assertEquals("Hello world!", data(events.get(events.size() - 1)).path("content").asText());
        JsonNode saved = savedMessage(admin, chatId);
        assertEquals(picked, saved.path("selectedModelId").asText(), saved.toString());
        assertEquals("arena-model", saved.path("model").asText(), "the message stays the arena's");
    }

    @Test
    void anArenaHandsTheMessageToItsListedCandidateOrToTheOthersWhenExcluding() {
        arenaModels(List.of(arena("only-helper", List.of(CompletionFixture.PRESET), null),
                arena("not-helper", List.of(CompletionFixture.PRESET), "exclude")));
        for (int i = 0; i < 3; i++) {
            as(user).body(requestBody("only-helper", "Pick helper " + i, null, false)).post("/api/chat/completions").then().statusCode(200);
            assertTrue(system(lastUpstream("Pick helper " + i)).startsWith(HELPER_SYSTEM), "the helper preset answered");
        }
        // SSE: the pick comes first, as its own event
        String sse = as(user).body(requestBody("not-helper", "Pick other", null, false)).post("/api/chat/completions")
                .then().statusCode(200).extract().asString();
        assertTrue(sse.startsWith("data: {\"selected_model_id\":\"" + CompletionFixture.MODEL + "\"}\n\n"), sse);
        assertFalse(system(lastUpstream("Pick other")).contains(HELPER_SYSTEM), "the excluded preset did not answer");
        // JSON: the pick is a field of the answer
        Map<String, Object> json = requestBody("only-helper", "Pick json", null, false);
        json.put("stream", false);
        as(user).body(json).post("/api/chat/completions").then().statusCode(200)
                .body("selected_model_id", org.hamcrest.Matchers.equalTo(CompletionFixture.PRESET));
        // an arena the user may not read is not found; an arena without candidates is a clear 400
        arenaModels(List.of(Map.of("id", "private-arena", "name", "Private", "meta", Map.of("model_ids", List.of()))));
        as(user).body(requestBody("private-arena", "x", null, false)).post("/api/chat/completions").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.equalTo("Model not found"));
        arenaModels(List.of(arena("nobody", List.of("no-such-model"), null)));
        as(user).body(requestBody("nobody", "x", null, false)).post("/api/chat/completions").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("no model to hand the message to"));
    }

    /**
     * What the stock UI's chat-events handler reads, for every event of an answer: the envelope,
     * and for chat:completion only the fields it knows, each with the type it expects.
     */
    @Test
    void everyChatEventOfAnArenaAnswerHasTheShapeTheStockUiReads() {
        arenaModels(List.of(arena("shape-arena", List.of(), null)));
        String chatId = Chats.create(user, "shapes", 1);
        as(user).body(requestBody("shape-arena", "think:field", chatId, true)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        Map<String, JsonNodeType> completionFields = Map.of("selected_model_id", JsonNodeType.STRING, "sources", JsonNodeType.ARRAY,
                "content", JsonNodeType.STRING, "usage", JsonNodeType.OBJECT, "done", JsonNodeType.BOOLEAN, "title", JsonNodeType.STRING);
        for (JsonNode event : events) {
            assertEquals(chatId, event.path("chat_id").textValue(), event.toString());
            assertEquals("m1", event.path("message_id").textValue(), event.toString());
            String type = event.path("data").path("type").textValue();
            assertEquals("chat:completion", type, "an answer without files or tasks sends only chat:completion: " + event);
            JsonNode data = data(event);
            assertTrue(data.isObject() && !data.isEmpty(), event.toString());
            data.fieldNames().forEachRemaining(field -> assertEquals(completionFields.get(field), data.get(field).getNodeType(),
                    field + " in " + event));
        }
        assertTrue(data(events.get(0)).has("selected_model_id"), "the pick comes first");
        JsonNode done = data(events.get(events.size() - 1));
        assertTrue(done.path("done").booleanValue() && done.has("content") && done.has("title"), done.toString());
        assertTrue(events.stream().anyMatch(e -> data(e).has("usage")), "usage is reported");
    }

    @Test
    void reasoningFieldsBecomeTheReasoningBlockInSocketModeAndAreSaved() {
        for (String mode : List.of("think:field", "think:reasoning")) {
            String chatId = Chats.create(user, "think", 1);
            as(user).body(requestBody(CompletionFixture.PRESET, mode, chatId, true)).post("/api/chat/completions").then().statusCode(200);
            List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
            List<String> contents = new ArrayList<>();
            events.stream().filter(e -> EmitTap.isType(e, "chat:completion") && data(e).has("content"))
                    .forEach(e -> contents.add(data(e).path("content").asText()));
            assertTrue(contents.get(0).startsWith("<details type=\"reasoning\" done=\"false\">\n<summary>Thinking…</summary>\n> Let me"),
                    contents.toString());
            String last = contents.get(contents.size() - 1);
            assertTrue(DONE_BLOCK.matcher(last).matches(), mode + ": " + last);
            assertEquals(last, savedMessage(chatId).path("content").asText(), "a reload shows the same");
        }
    }

    @Test
    void thinkTagsInTheContentBecomeTheReasoningBlockInBothModes() {
        String chatId = Chats.create(user, "tags", 1);
        as(user).body(requestBody(CompletionFixture.PRESET, "think:tags", chatId, true)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        String expected = "<details type=\"reasoning\" done=\"true\" duration=\"0\">\n<summary>Thought for 0 seconds</summary>\n"
                + "> Let me think.\n</details>\nAnswer.";
        assertEquals(expected, data(events.get(events.size() - 1)).path("content").asText());
        assertFalse(events.stream().anyMatch(e -> data(e).path("content").asText().contains("<think>")), "the tag is never shown raw");
        assertEquals(expected, savedMessage(chatId).path("content").asText());

        // SSE passes the provider's events through and saves the same block
        String sseChat = Chats.create(user, "tags-sse", 1);
        String sse = as(user).body(requestBody(CompletionFixture.PRESET, "think:tags", sseChat, false)).post("/api/chat/completions")
                .then().statusCode(200).extract().asString();
        assertTrue(sse.contains("<thi") && sse.endsWith("data: [DONE]\n\n"), sse);
        Poll.until("the SSE answer is saved with its reasoning block",
                () -> expected.equals(savedMessage(sseChat).path("content").asText()));

        String fieldChat = Chats.create(user, "field-sse", 1);
        String fieldSse = as(user).body(requestBody(CompletionFixture.PRESET, "think:field", fieldChat, false)).post("/api/chat/completions")
                .then().statusCode(200).extract().asString();
        assertTrue(fieldSse.contains("\"reasoning_content\":\"Let me\""), fieldSse);
        Poll.until("the SSE answer's reasoning_content is saved as the reasoning block",
                () -> DONE_BLOCK.matcher(savedMessage(fieldChat).path("content").asText()).matches());
    }

    @Test
    void memoriesRankedByMeaningReachThePromptOnlyWhenMemoryIsOn() {
        files.down = false;
        files.similarity.putAll(Map.of("My dog is called Bruno.", 0.8, "I live in Lisbon and love the sea.", 0.3,
                "I prefer tea to coffee.", 0.1, "I work as a nurse.", 0.05));
        as(user).body(Map.of("content", "My dog is called Bruno.")).post("/api/v1/memories/add").then().statusCode(200);
        as(user).body(Map.of("content", "I live in Lisbon and love the sea.")).post("/api/v1/memories/add").then().statusCode(200);
        as(user).body(Map.of("content", "I prefer tea to coffee.")).post("/api/v1/memories/add").then().statusCode(200);
        as(user).body(Map.of("content", "I work as a nurse.")).post("/api/v1/memories/add").then().statusCode(200);
        as(other).body(Map.of("content", "Another user's dog is called Rex.")).post("/api/v1/memories/add").then().statusCode(200);

        // off by default: neither the request nor the settings turn it on
        as(user).body(requestBody(CompletionFixture.PRESET, "What is my dog called?", null, false)).post("/api/chat/completions")
                .then().statusCode(200);
        assertFalse(system(lastUpstream("What is my dog called?")).contains("User Context"));
        assertTrue(files.ranks.isEmpty(), "nothing is ranked when memory is off");

        // the stock UI's features.memory: the three closest in meaning, though none shares a word with the message
        Map<String, Object> asked = requestBody(CompletionFixture.PRESET, "What's my pet's name?", null, false);
        asked.put("features", Map.of("memory", true));
        as(user).body(asked).post("/api/chat/completions").then().statusCode(200);
        String system = system(lastUpstream("What's my pet's name?"));
        String dated = system.replaceAll("\\[\\d{4}-\\d{2}-\\d{2}] ", "[date] ");
        assertTrue(dated.startsWith(HELPER_SYSTEM + "\nUser Context:\n1. [date] My dog is called Bruno.\n"
                + "2. [date] I live in Lisbon and love the sea.\n3. [date] I prefer tea to coffee.\n"), system);
        assertFalse(system.contains("nurse"), "only the three closest: " + system);
        assertFalse(system.contains("Rex"), "another user's memories never: " + system);
        JsonObject ranked = files.ranks.get(files.ranks.size() - 1);
        assertEquals("What's my pet's name?", ranked.getString("query"));
        assertEquals(4, ranked.getJsonArray("texts").size(), "only the caller's own memories are sent: " + ranked);
        assertEquals("Bearer " + user.token(), files.rankAuthorizations.get(files.rankAuthorizations.size() - 1));

        // /api/v1/memories/query ranks the same way, with the similarities as distances
        as(user).body(Map.of("content", "What's my pet's name?", "k", 2)).post("/api/v1/memories/query").then().statusCode(200)
                .body("documents[0]", org.hamcrest.Matchers.contains("My dog is called Bruno.", "I live in Lisbon and love the sea."))
                .body("distances[0]", org.hamcrest.Matchers.contains(0.8f, 0.3f));

        // file-service down: the memories sharing words with the message, and the chat still answers
        files.down = true;
        try {
            Map<String, Object> fallback = requestBody(CompletionFixture.PRESET, "Which dog do I have, and where do I live?", null, false);
            fallback.put("features", Map.of("memory", true));
            as(user).body(fallback).post("/api/chat/completions").then().statusCode(200);
            String lexical = system(lastUpstream("Which dog do I have, and where do I live?"));
            assertTrue(lexical.contains("] My dog is called Bruno.\n") && lexical.contains("] I live in Lisbon and love the sea.\n"), lexical);
            assertFalse(lexical.contains("tea") || lexical.contains("nurse"), "a memory sharing no word stays out: " + lexical);
            as(user).body(Map.of("content", "Where do I live?", "k", 1)).post("/api/v1/memories/query").then().statusCode(200)
                    .body("documents[0]", org.hamcrest.Matchers.contains("I live in Lisbon and love the sea."));
        } finally {
            files.down = false;
        }

        // the user's own setting (ui.memory) when the request does not say
        TestUsers.execute("UPDATE \"user\" SET settings = '{\"ui\": {\"memory\": true}}' WHERE id = ?", user.id());
        try {
            settingTurnsMemoryOn();
        } finally {
            TestUsers.execute("UPDATE \"user\" SET settings = NULL WHERE id = ?", user.id());
        }
    }

    private void settingTurnsMemoryOn() {
        as(user).body(requestBody(CompletionFixture.PRESET, "Tea or coffee?", null, false)).post("/api/chat/completions").then().statusCode(200);
        assertTrue(system(lastUpstream("Tea or coffee?")).contains("] I prefer tea to coffee.\n"));
        Map<String, Object> refused = requestBody(CompletionFixture.PRESET, "Tea again?", null, false);
        refused.put("features", Map.of("memory", false));
        as(user).body(refused).post("/api/chat/completions").then().statusCode(200);
        assertNotNull(lastUpstream("Tea again?"));
        assertFalse(system(lastUpstream("Tea again?")).contains("User Context"), "the request's own switch wins");
    }
}
