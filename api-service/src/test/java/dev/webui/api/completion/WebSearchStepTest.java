package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.webui.api.completion.FakeWebSearchFileService.Mode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.support.Chats;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.core.settings.Settings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.webui.api.completion.FakeWebSearchFileService.FACT_ONE;
import static dev.webui.api.completion.FakeWebSearchFileService.FACT_TWO;
import static dev.webui.api.completion.FakeWebSearchFileService.PAGE_ONE;
import static dev.webui.api.completion.FakeWebSearchFileService.PAGE_TWO;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web search in a chat: queries from the task model, file-service searched as the user, statuses, sources and a grounded prompt. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWebSearchFileServiceResource.class, restrictToAnnotatedClass = true)
class WebSearchStepTest extends CompletionTestBase {
    @Inject
    SettingsStore settings;
    FakeWebSearchFileService files;

    @Override
    Map<String, Object> presetParams() {
        return Map.of("system", "You are a helper.");
    }

    @BeforeEach
    void webSearchOn() {
        files.mode = Mode.COLLECTION;
        settings.save(Map.of(Settings.ENABLE_WEB_SEARCH, BooleanNode.TRUE, Settings.ENABLE_SEARCH_QUERY_GENERATION, BooleanNode.TRUE))
                .await().indefinitely();
    }

    private static Map<String, Object> body(String prompt, String chatId, boolean webSearch) {
        Map<String, Object> body = requestBody("helper", prompt, chatId, true);
        body.put("features", Map.of("web_search", webSearch));
        return body;
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    private static List<JsonNode> statuses(List<JsonNode> events) {
        return events.stream().filter(e -> EmitTap.isType(e, "status")).map(WebSearchStepTest::data).toList();
    }

    private static String systemPrompt(String prompt) {
        JsonObject request = upstream.requests.stream().filter(r -> {
            JsonArray messages = r.getJsonArray("messages");
            return Boolean.TRUE.equals(r.getBoolean("stream")) && prompt.equals(messages.getJsonObject(messages.size() - 1).getString("content"));
        }).findFirst().orElseThrow();
        JsonObject first = request.getJsonArray("messages").getJsonObject(0);
        return "system".equals(first.getString("role")) ? first.getString("content") : "";
    }

    private List<JsonNode> chat(String prompt, String chatId, boolean webSearch) {
        as(user).body(body(prompt, chatId, webSearch)).post("/api/chat/completions").then().statusCode(200);
        return tap.awaitEvent(chatId, "m1", EmitTap::isDone);
    }

    @Test
    void aSearchGroundsTheAnswerAndCitesEachPage() {
        String chatId = Chats.create(user, "web", 1);
        String prompt = "How much sediment do rivers carry?";
        List<JsonNode> events = chat(prompt, chatId, true);

        // the task model's queries went to file-service, as the user
        JsonObject search = files.searches.get(files.searches.size() - 1);
        assertEquals(new JsonArray().add("river facts").add("sediment facts"), search.getJsonArray("queries"));
        assertEquals("Bearer " + user.token(), files.authorizations.get(files.authorizations.size() - 1));
        assertTrue(files.queries.stream().anyMatch(q -> prompt.equals(q.getString("query"))
                && q.getJsonArray("collection_names").contains(FakeWebSearchFileService.COLLECTION)));

        List<JsonNode> statuses = statuses(events);
        assertEquals("web_search", statuses.get(0).path("action").asText(), statuses.toString());
        assertEquals("Searching the web", statuses.get(0).path("description").asText());
        assertFalse(statuses.get(0).path("done").asBoolean());
        assertEquals("web_search_queries_generated", statuses.get(1).path("action").asText());
        assertEquals(List.of("river facts", "sediment facts"), List.of(statuses.get(1).path("queries").get(0).asText(),
                statuses.get(1).path("queries").get(1).asText()));
        JsonNode searched = statuses.stream().filter(st -> "Searched {{count}} sites".equals(st.path("description").asText()))
                .findFirst().orElseThrow();
        assertEquals("web_search", searched.path("action").asText());
        assertTrue(searched.path("done").asBoolean());
        assertEquals(PAGE_ONE, searched.path("urls").get(0).asText());
        assertEquals("Sediment", searched.path("items").get(1).path("title").asText());

        String system = systemPrompt(prompt);
        assertTrue(system.startsWith("You are a helper."), system);
        assertTrue(system.contains("<source id=\"1\" name=\"Rivers\">" + FACT_ONE + "</source>"), system);
        assertTrue(system.contains("<source id=\"2\" name=\"Sediment\">" + FACT_TWO + "</source>"), system);

        JsonNode sources = events.stream().filter(e -> EmitTap.isType(e, "chat:completion") && data(e).has("sources"))
                .map(e -> data(e).path("sources")).findFirst().orElseThrow();
        assertEquals(2, sources.size());
        assertEquals("web_search", sources.get(0).path("source").path("type").asText());
        assertEquals(PAGE_ONE, sources.get(0).path("metadata").get(0).path("source").asText());
        assertEquals(PAGE_TWO, sources.get(1).path("source").path("url").asText());
        assertEquals("river facts", sources.get(0).path("source").path("queries").get(0).asText());
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Hello world!"))
                .body("chat.history.messages.m1.sources[1].document[0]", equalTo(FACT_TWO));
    }

    @Test
    void bypassingTheEmbeddingPutsTheWholePagesInThePrompt() {
        files.mode = Mode.BYPASS;
        String chatId = Chats.create(user, "web whole", 1);
        String prompt = "Tell me about deltas";
        int queriesBefore = files.queries.size();
        List<JsonNode> events = chat(prompt, chatId, true);
        assertEquals(queriesBefore, files.queries.size(), "no retrieval query when the pages come whole");
        String system = systemPrompt(prompt);
        assertTrue(system.contains("<source id=\"1\" name=\"Rivers\">" + FACT_ONE), system);
        assertTrue(system.contains("<source id=\"2\" name=\"Sediment\">" + FACT_TWO), system);
        assertTrue(statuses(events).stream().anyMatch(st -> "Searched {{count}} sites".equals(st.path("description").asText())));
    }

    @Test
    void aFailingSearchIsReportedAndTheAnswerStillComes() {
        files.mode = Mode.FAIL;
        String chatId = Chats.create(user, "web fails", 1);
        List<JsonNode> events = chat("Search something failing", chatId, true);
        JsonNode error = statuses(events).stream().filter(st -> st.path("error").asBoolean()).findFirst().orElseThrow();
        assertEquals("web_search", error.path("action").asText());
        assertEquals("An error occurred while searching the web", error.path("description").asText());
        assertTrue(error.path("detail").asText().contains("searxng answered HTTP 500"), error.toString());
        assertEquals("river facts", error.path("queries").get(0).asText());
        assertTrue(events.stream().noneMatch(e -> data(e).has("sources")));
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200).body("chat.history.messages.m1.content", equalTo("Hello world!"));
    }

    @Test
    void aSilentSearchTimesOutAndTheAnswerStillComes() {
        files.mode = Mode.SILENT;
        String chatId = Chats.create(user, "web silent", 1);
        List<JsonNode> events = chat("Search something slow", chatId, true);
        JsonNode error = statuses(events).stream().filter(st -> st.path("error").asBoolean()).findFirst().orElseThrow();
        assertEquals("An error occurred while searching the web", error.path("description").asText());
        assertTrue(error.path("detail").asText().contains("did not answer in time"), error.toString());
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200).body("chat.history.messages.m1.content", equalTo("Hello world!"));
    }

    @Test
    void noResultsIsSaid() {
        files.mode = Mode.EMPTY;
        String chatId = Chats.create(user, "web empty", 1);
        List<JsonNode> events = chat("Search nothing", chatId, true);
        JsonNode none = statuses(events).stream().filter(st -> "No search results found".equals(st.path("description").asText()))
                .findFirst().orElseThrow();
        assertTrue(none.path("error").asBoolean() && none.path("done").asBoolean());
    }

    @Test
    void withoutTheSwitchOrWithWebSearchDisabledNothingIsSearched() {
        int before = files.searches.size();
        String chatId = Chats.create(user, "no web", 1);
        List<JsonNode> events = chat("No search please", chatId, false);
        assertTrue(statuses(events).stream().noneMatch(st -> st.path("action").asText().startsWith("web_search")));

        settings.save(Map.of(Settings.ENABLE_WEB_SEARCH, BooleanNode.FALSE)).await().indefinitely();
        String other = Chats.create(user, "web disabled", 1);
        chat("Search while disabled", other, true);
        assertEquals(before, files.searches.size());
    }

    @Test
    void withoutQueryGenerationTheMessageItselfIsSearched() {
        settings.save(Map.of(Settings.ENABLE_SEARCH_QUERY_GENERATION, BooleanNode.FALSE)).await().indefinitely();
        String chatId = Chats.create(user, "web plain", 1);
        chat("plain question about rivers", chatId, true);
        assertEquals(new JsonArray().add("plain question about rivers"),
                files.searches.get(files.searches.size() - 1).getJsonArray("queries"));
    }
}
