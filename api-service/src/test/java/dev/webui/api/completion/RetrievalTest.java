package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Settings;
import jakarta.inject.Inject;
import dev.webui.api.support.Chats;
import dev.webui.api.support.FakeFileService;
import dev.webui.api.completion.rag.RetrievalClient;
import dev.webui.common.http.RequestIds;
import dev.webui.common.testing.LogCapture;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attached files and knowledge bases: file-service queried as the user, context sent upstream, sources emitted and saved. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeFileServiceResource.class, restrictToAnnotatedClass = true)
class RetrievalTest extends CompletionTestBase {
    @Inject
    SettingsStore settings;
    private static final String SECRET = "The launch code is 4711.";
    FakeFileService files;

    @Override
    Map<String, Object> presetParams() {
        return Map.of("system", "You are a helper.");
    }

    @BeforeEach
    void filesOfTheUser() {
        files.reset();
        files.collections.put("file-f1", new FakeFileService.Collection("Bearer " + user.token(), "f1", "secret.txt",
                List.of(SECRET, "Nobody knows it.")));
        files.collections.put("kb1", new FakeFileService.Collection("Bearer " + user.token(), "f2", "handbook.pdf",
                List.of("Lunch is at noon.")));
    }

    private static Map<String, Object> socketBody(String prompt, String chatId, List<Map<String, Object>> attached) {
        Map<String, Object> body = requestBody("helper", prompt, chatId, true);
        body.put("files", attached);
        return body;
    }

    private static List<Map<String, Object>> attachments() {
        return List.of(Map.of("type", "file", "id", "f1", "name", "secret.txt"),
                Map.of("type", "collection", "id", "kb1", "name", "Handbook"));
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    private static JsonObject upstreamRequest(String prompt) {
        return upstream.requests.stream().filter(r -> {
            JsonArray messages = r.getJsonArray("messages");
            return prompt.equals(messages.getJsonObject(messages.size() - 1).getString("content"));
        }).findFirst().orElseThrow();
    }

    private static String systemPrompt(JsonObject request) {
        JsonObject first = request.getJsonArray("messages").getJsonObject(0);
        return "system".equals(first.getString("role")) ? first.getString("content") : "";
    }

    @Test
    void attachedFilesAreQueriedAsTheUserAndTheirChunksReachTheModel() {
        String chatId = Chats.create(user, "rag", 1);
        String prompt = "What is the launch code?";
        as(user).body(socketBody(prompt, chatId, attachments())).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        // file-service saw the user's own token and the last user message, one query per attached item
        List<JsonObject> mine = files.queries.stream().filter(q -> prompt.equals(q.getString("query"))).toList();
        assertEquals(2, mine.size());
        assertTrue(mine.stream().anyMatch(q -> q.getJsonArray("collection_names").equals(new JsonArray().add("file-f1"))));
        assertTrue(mine.stream().anyMatch(q -> q.getJsonArray("collection_names").equals(new JsonArray().add("kb1"))));
        assertTrue(files.authorizations.contains("Bearer " + user.token()));

        String system = systemPrompt(upstreamRequest(prompt));
        assertTrue(system.startsWith("You are a helper."), "the preset's prompt stays first: " + system);
        assertTrue(system.contains("<source id=\"1\" name=\"secret.txt\">" + SECRET + "</source>"), system);
        assertTrue(system.contains("<source id=\"2\" name=\"handbook.pdf\">Lunch is at noon.</source>"), system);
        assertTrue(system.contains(prompt), "the template's {{QUERY}} is filled");
        assertFalse(upstreamRequest(prompt).containsKey("files"), "Open WebUI's fields stay here");

        JsonNode sources = events.stream().filter(e -> EmitTap.isType(e, "chat:completion") && data(e).has("sources"))
                .map(e -> data(e).path("sources")).findFirst().orElseThrow();
        assertEquals(2, sources.size());
        JsonNode first = sources.get(0);
        assertEquals("f1", first.path("source").path("id").asText());
        assertEquals("secret.txt", first.path("source").path("name").asText());
        assertEquals(SECRET, first.path("document").path(0).asText());
        assertEquals("f1", first.path("metadata").path(0).path("file_id").asText());
        assertEquals(2, first.path("distances").size());
        assertTrue(events.stream().anyMatch(e -> EmitTap.isType(e, "status")
                && "sources_retrieved".equals(data(e).path("action").asText()) && data(e).path("count").asInt() == 2));
        assertTrue(events.indexOf(events.stream().filter(e -> data(e).has("sources")).findFirst().orElseThrow())
                < events.indexOf(events.stream().filter(EmitTap::isDone).findFirst().orElseThrow()));

        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Hello world!"))
                .body("chat.history.messages.m1.sources[0].source.id", equalTo("f1"))
                .body("chat.history.messages.m1.sources[0].document[0]", equalTo(SECRET))
                .body("chat.history.messages.m1.sources[1].source.id", equalTo("kb1"));
    }

    @Test
    void theKnowledgeOfAPresetIsSearchedInItsChats() {
        Map<String, Object> preset = new LinkedHashMap<>();
        preset.put("id", "librarian");
        preset.put("base_model_id", "gpt-fake");
        preset.put("name", "Librarian");
        preset.put("meta", Map.of("knowledge", List.of(Map.of("id", "kb1", "name", "Handbook", "type", "collection"))));
        preset.put("params", Map.of("system", "You are a librarian."));
        preset.put("access_control", null);
        as(admin).body(preset).post("/api/v1/models/create").then().statusCode(200);

        String chatId = Chats.create(user, "preset knowledge", 1);
        String prompt = "When is lunch?";
        Map<String, Object> body = socketBody(prompt, chatId, List.of());
        body.put("model", "librarian");
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        assertTrue(files.queries.stream().anyMatch(q -> prompt.equals(q.getString("query"))
                && q.getJsonArray("collection_names").equals(new JsonArray().add("kb1"))), "the preset's knowledge base was searched");
        String system = systemPrompt(upstreamRequest(prompt));
        assertTrue(system.startsWith("You are a librarian.\n"), system);
        assertTrue(system.contains("<source id=\"1\" name=\"handbook.pdf\">Lunch is at noon.</source>"), system);
        List<JsonNode> statuses = events.stream().filter(e -> EmitTap.isType(e, "status")).map(RetrievalTest::data).toList();
        assertEquals("knowledge_search", statuses.get(0).path("action").asText(), statuses.toString());
        assertEquals(prompt, statuses.get(0).path("query").asText());
        assertFalse(statuses.get(0).path("done").asBoolean());
        assertTrue(statuses.stream().anyMatch(st -> "knowledge_search".equals(st.path("action").asText())
                && st.path("done").asBoolean() && st.path("hidden").asBoolean()), statuses.toString());
        JsonNode sources = events.stream().filter(e -> EmitTap.isType(e, "chat:completion") && data(e).has("sources"))
                .map(e -> data(e).path("sources")).findFirst().orElseThrow();
        assertEquals("kb1", sources.path(0).path("source").path("id").asText());
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.sources[0].source.id", equalTo("kb1"));

        // another user's preset knowledge base stays theirs: file-service answers nothing for a token it does not know
        String otherChat = Chats.create(other, "not mine", 1);
        Map<String, Object> theirs = socketBody("When is lunch, really?", otherChat, List.of());
        theirs.put("model", "librarian");
        as(other).body(theirs).post("/api/chat/completions").then().statusCode(200);
        tap.awaitEvent(otherChat, "m1", EmitTap::isDone);
        assertFalse(systemPrompt(upstreamRequest("When is lunch, really?")).contains("Lunch is at noon."));
    }

    @Test
    void theTemplateAnAdminSavedIsUsed() {
        settings.save(Map.of(Settings.RAG_TEMPLATE, TextNode.valueOf("ADMIN[{{CONTEXT}}] Q[{{QUERY}}]"))).await().indefinitely();
        try {
            String chatId = Chats.create(user, "template", 1);
            String prompt = "Which template?";
            as(user).body(socketBody(prompt, chatId, List.of(Map.of("type", "file", "id", "f1"))))
                    .post("/api/chat/completions").then().statusCode(200);
            tap.awaitEvent(chatId, "m1", EmitTap::isDone);
            String system = systemPrompt(upstreamRequest(prompt));
            assertTrue(system.contains("ADMIN[<source id=\"1\" name=\"secret.txt\">" + SECRET), system);
            assertTrue(system.endsWith("Q[" + prompt + "]"), system);
        } finally {
            settings.save(Map.of(Settings.RAG_TEMPLATE, NullNode.instance)).await().indefinitely();
        }
    }

    @Test
    void anotherUsersFileGivesNoContext() {
        String chatId = Chats.create(other, "not mine", 1);
        String prompt = "Tell me the other user's code";
        as(other).body(socketBody(prompt, chatId, attachments())).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        assertTrue(files.authorizations.contains("Bearer " + other.token()), "queried with the caller's own token");
        assertFalse(systemPrompt(upstreamRequest(prompt)).contains(SECRET));
        assertTrue(events.stream().noneMatch(e -> data(e).has("sources")));
        as(other).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Hello world!"))
                .body("chat.history.messages.m1.sources", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theRequestIdReachesFileServiceTheLogLinesAndTheEvents() {
        files.failures.add(403);
        String chatId = Chats.create(user, "request id", 1);
        try (LogCapture logs = LogCapture.of(RetrievalClient.class)) {
            as(user).header(RequestIds.HEADER, "rag-request-7").body(socketBody("Who asked?", chatId, attachments()))
                    .post("/api/chat/completions").then().statusCode(200).header(RequestIds.HEADER, "rag-request-7");
            tap.awaitEvent(chatId, "m1", EmitTap::isDone);

            List<FakeFileService.Received> queries = files.received.stream()
                    .filter(r -> r.path().equals("/api/v1/retrieval/query/collection")).toList();
            assertEquals(2, queries.size());
            assertTrue(queries.stream().allMatch(r -> "rag-request-7".equals(r.requestId())), queries.toString());
            // written after the answer of file-service arrived, on another turn of the event loop
            LogCapture.Line refused = logs.lines.stream().filter(l -> l.message().contains("answered 403")).findFirst().orElseThrow();
            assertEquals("rag-request-7", refused.requestId());
        }
        List<JsonNode> emitted = tap.emits.stream().filter(e -> chatId.equals(e.path("data").path("chat_id").asText())).toList();
        assertFalse(emitted.isEmpty());
        assertTrue(emitted.stream().allMatch(e -> "rag-request-7".equals(e.path("request_id").asText())), emitted.toString());
    }

    @Test
    void anUnreachableFileServiceLeavesTheAnswerWithoutContextAndSaysSo() {
        files.down = true;
        String chatId = Chats.create(user, "down", 1);
        String prompt = "Answer without files";
        as(user).body(socketBody(prompt, chatId, attachments())).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        assertEquals("Hello world!", data(events.stream().filter(EmitTap::isDone).findFirst().orElseThrow())
                .path("content").asText());
        JsonNode status = events.stream().filter(e -> EmitTap.isType(e, "status")).map(RetrievalTest::data)
                .findFirst().orElseThrow();
        assertTrue(status.path("error").asBoolean());
        assertTrue(status.path("description").asText().contains("could not be searched"), status.toString());
        assertFalse(systemPrompt(upstreamRequest(prompt)).contains("<source"));
        assertTrue(events.stream().noneMatch(e -> data(e).has("sources")));
    }

    @Test
    void sseModeSendsTheSourcesFirst() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "helper");
        body.put("messages", List.of(Map.of("role", "user", "content", "sse with files")));
        body.put("stream", true);
        body.put("files", List.of(Map.of("type", "file", "id", "f1")));
        String text = as(user).body(body).post("/api/chat/completions").then().statusCode(200).extract().asString();
        String firstEvent = text.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        JsonObject sources = new JsonObject(firstEvent.substring(6));
        assertEquals(SECRET, sources.getJsonArray("sources").getJsonObject(0).getJsonArray("document").getString(0));
        assertTrue(text.contains("Hello") && text.trim().endsWith("data: [DONE]"));
        assertTrue(systemPrompt(upstreamRequest("sse with files")).contains(SECRET));
    }

    @Test
    void aPayloadStepsSourcesJoinTheRetrievedOnesInTheTemplateTheEventsAndTheSavedAnswer() {
        String chatId = Chats.create(user, "step", 1);
        String prompt = "What did the probe find?";
        Map<String, Object> body = socketBody(prompt, chatId, List.of(Map.of("type", "file", "id", "f1", "name", "secret.txt")));
        body.put("features", Map.of("probe_step", true));
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        String system = systemPrompt(upstreamRequest(prompt));
        assertTrue(system.contains("<source id=\"1\" name=\"secret.txt\">" + SECRET), system);
        assertTrue(system.contains("<source id=\"2\" name=\"probe.example\">" + ProbeStep.FOUND + "</source>"), system);
        assertEquals(1, system.split("<context>", -1).length - 1, "the template is filled once: " + system);
        assertFalse(upstreamRequest(prompt).containsKey("features"));

        List<String> statuses = events.stream().filter(e -> EmitTap.isType(e, "status"))
                .map(e -> data(e).path("action").asText() + ":" + data(e).path("done").asBoolean()).toList();
        assertEquals(List.of("sources_retrieved:true", "probe:false", "probe:true"), statuses);
        List<JsonNode> sourceEvents = events.stream().filter(e -> data(e).has("sources")).map(e -> data(e).path("sources")).toList();
        assertEquals(1, sourceEvents.size(), "one sources event, after the steps");
        assertEquals("probe", sourceEvents.get(0).path(1).path("source").path("id").asText());

        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.sources[1].document[0]", equalTo(ProbeStep.FOUND))
                .body("chat.history.messages.m1.probed", equalTo(true));
    }

    @Test
    void withoutTheSwitchTheStepDoesNotRun() {
        String chatId = Chats.create(user, "no step", 1);
        String prompt = "No probing, please";
        as(user).body(socketBody(prompt, chatId, List.of())).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);
        assertFalse(systemPrompt(upstreamRequest(prompt)).contains(ProbeStep.FOUND));
        assertTrue(events.stream().noneMatch(e -> EmitTap.isType(e, "status")));
    }

    @Test
    void apiCallersGetTheStepsToo() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "helper");
        body.put("messages", List.of(Map.of("role", "user", "content", "json with a step")));
        body.put("stream", false);
        body.put("features", Map.of("probe_step", true));
        as(user).body(body).post("/api/chat/completions").then().statusCode(200);
        assertTrue(systemPrompt(upstreamRequest("json with a step")).contains(ProbeStep.FOUND));
        body.put("stream", true);
        body.put("messages", List.of(Map.of("role", "user", "content", "sse with a step")));
        String text = as(user).body(body).post("/api/chat/completions").then().statusCode(200).extract().asString();
        assertTrue(text.lines().findFirst().orElseThrow().contains(ProbeStep.FOUND), "sources first: " + text);
        assertTrue(systemPrompt(upstreamRequest("sse with a step")).contains(ProbeStep.FOUND));
    }

    @Test
    void aWebPageAttachedWithoutEmbeddingIsUsedWhole() {
        String chatId = Chats.create(user, "web page", 1);
        String prompt = "What does the page say?";
        String url = "https://docs.example/page";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", "text");
        page.put("name", url);
        page.put("url", url);
        page.put("collection_name", null);
        page.put("file", Map.of("data", Map.of("content", "The page says the sky is teal."),
                "meta", Map.of("name", url, "source", url)));
        int queriesBefore = files.queries.size();
        as(user).body(socketBody(prompt, chatId, List.of(page))).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        assertEquals(queriesBefore, files.queries.size(), "nothing to search in file-service");
        String system = systemPrompt(upstreamRequest(prompt));
        assertTrue(system.contains("The page says the sky is teal.</source>"), system);
        JsonNode sources = events.stream().filter(e -> data(e).has("sources")).map(e -> data(e).path("sources")).findFirst().orElseThrow();
        assertEquals(url, sources.path(0).path("source").path("name").asText());
        assertFalse(sources.path(0).path("source").has("file"), "the page's text is not sent back as its description");
        assertEquals(url, sources.path(0).path("metadata").path(0).path("source").asText());
    }
}
