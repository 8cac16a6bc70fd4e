package dev.webui.files.retrieval;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FakeEmbeddingsServer;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Fixtures;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = FilesTestEnvironment.class, restrictToAnnotatedClass = true)
class RetrievalTest {
    static final String LOCAL = "sentence-transformers/all-MiniLM-L6-v2";

    TestUser user;
    TestUser admin;

    @BeforeEach
    void users() {
        user = TestUsers.create(Roles.USER);
        admin = TestUsers.create(Roles.ADMIN);
    }

    @AfterEach
    void backToTheLocalModel() {
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("embedding_engine", "", "embedding_model", LOCAL))
                .post("/api/v1/retrieval/embedding/update").then().statusCode(200);
    }

    String processText(String content, String collection) {
        return given().auth().oauth2(user.token()).contentType("application/json")
                .body(collection == null ? Map.of("name", "note", "content", content)
                        : Map.of("name", "note", "content", content, "collection_name", collection))
                .post("/api/v1/retrieval/process/text").then().statusCode(200)
                .body("status", equalTo(true)).extract().path("collection_name");
    }

    Map<String, Object> queryDoc(TestUser caller, String collection, String query, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("collection_name", collection);
        body.put("query", query);
        return given().auth().oauth2(caller.token()).contentType("application/json").body(body)
                .post("/api/v1/retrieval/query/doc").then().statusCode(200).extract().path("");
    }

    @Test
    @SuppressWarnings("unchecked")
    void semanticQueriesRankTheRelevantChunkFirst() {
        String collection = processText("Cats are small domesticated felines that purr.\n\n"
                + "The stock market fell sharply after the interest rate decision.\n\n"
                + "Rivers carry sediment from mountains to the sea.", null);
        Map<String, Object> result = queryDoc(user, collection, "kitten pets", Map.of("k", 3));
        List<String> documents = ((List<List<String>>) result.get("documents")).get(0);
        List<Double> distances = ((List<List<Double>>) result.get("distances")).get(0);
        assertFalse(documents.isEmpty());
        assertTrue(documents.get(0).contains("Cats"), documents.toString());
        for (int i = 1; i < distances.size(); i++) {
            assertTrue(distances.get(i - 1) >= distances.get(i), "sorted by similarity");
        }
        Map<String, Object> strict = queryDoc(user, collection, "kitten pets", Map.of("r", 0.99));
        assertEquals(List.of(List.of()), strict.get("documents"));

        TestUser stranger = TestUsers.create(Roles.USER);
        given().auth().oauth2(stranger.token()).contentType("application/json")
                .body(Map.of("collection_name", collection, "query", "cats")).post("/api/v1/retrieval/query/doc")
                .then().statusCode(404);
        given().auth().oauth2(stranger.token()).contentType("application/json")
                .body(Map.of("name", "n", "content", "overwrite", "collection_name", collection))
                .post("/api/v1/retrieval/process/text").then().statusCode(404);
    }

    @Test
    void hybridSearchFindsExactKeywords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("General remark number ").append(i).append(" about weather and seasons.\n\n");
        }
        text.append("The part number is XQ-7734-ZETA for the replacement valve.\n\n");
        String collection = processText(text.toString(), null);
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("collection_name", collection, "query", "XQ-7734-ZETA", "k", 1, "hybrid", true))
                .post("/api/v1/retrieval/query/doc").then().statusCode(200)
                .body("documents[0]", hasSize(1)).body("documents[0][0]", containsString("XQ-7734-ZETA"));
    }

    @Test
    void badQueriesAreRefused() {
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of("collection_name", "x"))
                .post("/api/v1/retrieval/query/doc").then().statusCode(400).body("detail", containsString("query"));
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of("query", "x"))
                .post("/api/v1/retrieval/query/collection").then().statusCode(400);
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("collection_names", List.of("nope"), "query", "x", "k", 0))
                .post("/api/v1/retrieval/query/collection").then().statusCode(400);
        given().contentType("application/json").body(Map.of("collection_names", List.of("nope"), "query", "x"))
                .post("/api/v1/retrieval/query/collection").then().statusCode(403);
    }

    @Test
    void configIsForAdminsAndValidated() {
        given().auth().oauth2(user.token()).get("/api/v1/retrieval/config").then().statusCode(401);
        given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().statusCode(200)
                .body("CHUNK_SIZE", equalTo(1000)).body("CHUNK_OVERLAP", equalTo(100)).body("TOP_K", equalTo(3));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("CHUNK_SIZE", 100, "CHUNK_OVERLAP", 200))
                .post("/api/v1/retrieval/config/update").then().statusCode(400).body("detail", containsString("CHUNK_OVERLAP"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("TOP_K", "many"))
                .post("/api/v1/retrieval/config/update").then().statusCode(400).body("detail", containsString("TOP_K"));
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("TOP_K", 7, "web", Map.of("ENABLE_WEB_SEARCH", false)))
                .post("/api/v1/retrieval/config/update").then().statusCode(200)
                .body("TOP_K", equalTo(7)).body("web.ENABLE_WEB_SEARCH", equalTo(false));
        given().auth().oauth2(admin.token()).get("/api/v1/retrieval/query/settings").then().statusCode(200).body("k", equalTo(7));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("k", 3, "r", 0.0, "hybrid", false))
                .post("/api/v1/retrieval/query/settings/update").then().statusCode(200).body("k", equalTo(3));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("embedding_engine", "", "embedding_model", "other/model"))
                .post("/api/v1/retrieval/embedding/update").then().statusCode(400);
    }

    /** Documents and Web Search load every key of the v0.6.32 shape, save the whole form and get it back unchanged. */
    @Test
    void configAndEmbeddingAnswerTheFullShapeAndRoundTrip() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().statusCode(200).extract().asString());
        RetrievalConfigContract.assertShape(config);
        // Open WebUI's defaults
        assertEquals("http://tika:9998", config.get("TIKA_SERVER_URL").asText());
        assertEquals(3, config.at("/web/WEB_SEARCH_RESULT_COUNT").asInt());
        assertEquals("[\"en\"]", config.at("/web/YOUTUBE_LOADER_LANGUAGE").toString());
        assertTrue(config.at("/web/YOUTUBE_LOADER_TRANSLATION").isNull());
        assertTrue(config.at("/web/ENABLE_WEB_LOADER_SSL_VERIFICATION").asBoolean());

        try {
            saveAndReread(mapper, config);
        } finally {
            // the other tests of this class run with the defaults
            config.remove("status");
            given().auth().oauth2(admin.token()).contentType("application/json").body(config.toString())
                    .post("/api/v1/retrieval/config/update").then().statusCode(200);
        }
    }

    private void saveAndReread(com.fasterxml.jackson.databind.ObjectMapper mapper, com.fasterxml.jackson.databind.node.ObjectNode config)
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode saved = RetrievalConfigContract.changed(config, mapper);
        saved.put("ALLOWED_FILE_EXTENSIONS", (String) null);
        saved.putArray("ALLOWED_FILE_EXTENSIONS").add("pdf").add("txt");
        com.fasterxml.jackson.databind.JsonNode answer = mapper.readTree(given().auth().oauth2(admin.token()).contentType("application/json")
                .body(saved.toString()).post("/api/v1/retrieval/config/update").then().statusCode(200).extract().asString());
        com.fasterxml.jackson.databind.node.ObjectNode reread = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().statusCode(200).extract().asString());
        RetrievalConfigContract.assertShape(reread);
        for (String key : RetrievalConfigContract.TOP_LEVEL.keySet()) {
            assertEquals(saved.get(key), reread.get(key), key);
            assertEquals(saved.get(key), answer.get(key), key);
        }
        for (String key : RetrievalConfigContract.WEB.keySet()) {
            assertEquals(saved.get("web").get(key), reread.get("web").get(key), "web." + key);
        }
        // a wrong type is refused with the key's name, and nothing of that request is stored
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("TOP_K", 4, "web", Map.of("WEB_SEARCH_RESULT_COUNT", "ten")))
                .post("/api/v1/retrieval/config/update").then().statusCode(400)
                .body("detail", containsString("WEB_SEARCH_RESULT_COUNT"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("web", List.of()))
                .post("/api/v1/retrieval/config/update").then().statusCode(400).body("detail", containsString("web"));
        given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().body("TOP_K", equalTo(5));
        // the Web Search page's plain text boxes send numbers as strings
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("web", Map.of("WEB_SEARCH_CONCURRENT_REQUESTS", "12", "ENABLE_WEB_SEARCH", "false")))
                .post("/api/v1/retrieval/config/update").then().statusCode(200)
                .body("web.WEB_SEARCH_CONCURRENT_REQUESTS", equalTo(12)).body("web.ENABLE_WEB_SEARCH", equalTo(false));

        com.fasterxml.jackson.databind.JsonNode embedding = mapper.readTree(given().auth().oauth2(admin.token())
                .get("/api/v1/retrieval/embedding").then().statusCode(200).extract().asString());
        RetrievalConfigContract.assertEmbeddingShape(embedding);
        Map<String, Object> form = Map.of("embedding_engine", "", "embedding_model", LOCAL, "embedding_batch_size", 16,
                "openai_config", Map.of("url", "https://api.openai.com/v1", "key", ""),
                "ollama_config", Map.of("url", "http://ollama:11434", "key", "ollama-key"),
                "azure_openai_config", Map.of("url", "https://example.openai.azure.com", "key", "azure-key", "version", "2024-02-01"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(form)
                .post("/api/v1/retrieval/embedding/update").then().statusCode(200)
                .body("ollama_config.url", equalTo("http://ollama:11434")).body("azure_openai_config.version", equalTo("2024-02-01"));
        given().auth().oauth2(admin.token()).get("/api/v1/retrieval/embedding").then().statusCode(200)
                .body("embedding_batch_size", equalTo(16))
                .body("ollama_config.key", equalTo("ollama-key"))
                .body("azure_openai_config.url", equalTo("https://example.openai.azure.com"))
                .body("azure_openai_config.key", equalTo("azure-key"));
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("embedding_engine", "", "embedding_model", LOCAL, "ollama_config", Map.of("url", 11434, "key", "")))
                .post("/api/v1/retrieval/embedding/update").then().statusCode(400).body("detail", containsString("RAG_OLLAMA_BASE_URL"));
    }

    @Test
    void anOpenAiCompatibleEngineIsUsedAndAModelChangeNeedsAReindex() throws Exception {
        String file = Uploads.uploadOk(user.token(), "fruit.txt", Fixtures.utf8("Bananas and apples are fruit."), "text/plain");
        assertEquals("completed", Uploads.awaitProcessed(user.token(), file));
        assertFalse(queryDocuments("file-" + file, "fruit").isEmpty(), "found with the in-process model");

        try (FakeEmbeddingsServer upstream = new FakeEmbeddingsServer()) {
            given().auth().oauth2(admin.token()).contentType("application/json")
                    .body(Map.of("embedding_engine", "openai", "embedding_model", "text-embedding-3-small",
                            "openai_config", Map.of("url", upstream.baseUrl(), "key", "sk-upstream")))
                    .post("/api/v1/retrieval/embedding/update").then().statusCode(200)
                    .body("embedding_engine", equalTo("openai")).body("openai_config.url", equalTo(upstream.baseUrl()));

            // vectors of the old model are not compared with the new model's
            assertTrue(queryDocuments("file-" + file, "fruit").isEmpty());
            given().auth().oauth2(admin.token()).post("/api/v1/knowledge/reindex").then().statusCode(200);
            await("the reindex completes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> given().auth().oauth2(admin.token()).get("/api/v1/knowledge/reindex/status").then().statusCode(200)
                            .extract().<String>path("status"), status -> {
                        assertFalse("failed".equals(status));
                        return "completed".equals(status);
                    });
            List<String> found = queryDocuments("file-" + file, "fruit");
            assertEquals(1, found.size());
            assertTrue(upstream.models.stream().allMatch("text-embedding-3-small"::equals));
            assertTrue(upstream.authorizations.stream().allMatch("Bearer sk-upstream"::equals));

            String collection = processText("zzzz zzzz zzzz\n\naaaa aaaa aaaa", null);
            given().auth().oauth2(user.token()).contentType("application/json")
                    .body(Map.of("collection_name", collection, "query", "zz", "k", 1))
                    .post("/api/v1/retrieval/query/doc").then().statusCode(200)
                    .body("documents[0][0]", containsString("zzzz"));
        }
        // the upstream is gone: processing fails with a reason instead of hanging
        String late = Uploads.uploadOk(user.token(), "late.txt", Fixtures.utf8("written after the upstream left"), "text/plain");
        assertEquals("failed", Uploads.awaitProcessed(user.token(), late));
        given().auth().oauth2(user.token()).get("/api/v1/files/" + late).then().body("data.error", containsString("embeddings endpoint"));
    }

    Map<String, Object> rank(String query, List<String> texts, int k) {
        return given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("query", query, "texts", texts, "k", k))
                .post("/api/v1/retrieval/rank").then().statusCode(200).extract().path("");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rankOrdersTextsByMeaningWithTheInProcessModel() {
        // no word in common with the question, yet the dog is the pet
        List<String> memories = List.of("I work as a nurse", "My dog is called Rex", "I prefer tea to coffee", "I live in Lisbon");
        List<Map<String, Object>> results = (List<Map<String, Object>>) rank("What's my pet's name?", memories, 3).get("results");
        assertEquals(3, results.size());
        assertEquals(1, results.get(0).get("index"), results.toString());
        for (int i = 1; i < results.size(); i++) {
            assertTrue(((Number) results.get(i - 1).get("score")).doubleValue() >= ((Number) results.get(i).get("score")).doubleValue());
        }
        assertEquals(List.of(), rank("anything", List.of(), 3).get("results"));

        given().contentType("application/json").body(Map.of("query", "q", "texts", memories))
                .post("/api/v1/retrieval/rank").then().statusCode(403);
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of("texts", memories))
                .post("/api/v1/retrieval/rank").then().statusCode(400).body("detail", equalTo("query is required"));
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("query", "q", "texts", java.util.Collections.nCopies(RankService.MAX_TEXTS + 1, "x")))
                .post("/api/v1/retrieval/rank").then().statusCode(400).body("detail", containsString("At most 500 texts"));
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("query", "q", "texts", List.of("x".repeat(RankService.MAX_CHARACTERS))))
                .post("/api/v1/retrieval/rank").then().statusCode(400).body("detail", containsString("at most 1000000 characters"));
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of("query", "q", "texts", memories, "k", 0))
                .post("/api/v1/retrieval/rank").then().statusCode(400).body("detail", containsString("k must be"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rankUsesTheConfiguredEngineAndEmbedsEachTextOnce() throws Exception {
        try (FakeEmbeddingsServer upstream = new FakeEmbeddingsServer()) {
            given().auth().oauth2(admin.token()).contentType("application/json")
                    .body(Map.of("embedding_engine", "openai", "embedding_model", "text-embedding-3-small",
                            "openai_config", Map.of("url", upstream.baseUrl(), "key", "sk-upstream")))
                    .post("/api/v1/retrieval/embedding/update").then().statusCode(200);
            List<String> texts = List.of("aaaa bbbb", "zzzz yyyy", "zzzz");
            List<Map<String, Object>> first = (List<Map<String, Object>>) rank("zz", texts, 2).get("results");
            assertEquals(List.of(2, 1), first.stream().map(r -> r.get("index")).toList());
            assertEquals(List.of("zz", "aaaa bbbb", "zzzz yyyy", "zzzz"), upstream.inputs);

            upstream.inputs.clear();
            rank("zzzz again", List.of("zzzz", "a new one"), 1);
            assertEquals(List.of("zzzz again", "a new one"), upstream.inputs, "cached vectors are not asked for again");
        }
        // the engine is gone: a clear bad gateway, which api-service turns into its lexical ranking
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("query", "zz", "texts", List.of("something never embedded")))
                .post("/api/v1/retrieval/rank").then().statusCode(502).body("detail", containsString("embeddings endpoint"));
    }

    List<String> queryDocuments(String collection, String query) {
        return given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("collection_names", List.of(collection), "query", query, "k", 5))
                .post("/api/v1/retrieval/query/collection").then().statusCode(200).extract().path("documents[0]");
    }

    @Test
    void processFileReturnsItsContent() {
        String file = Uploads.uploadOk(user.token(), "p.txt", Fixtures.utf8("Processing on request."), "text/plain");
        Uploads.awaitProcessed(user.token(), file);
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of("file_id", file))
                .post("/api/v1/retrieval/process/file").then().statusCode(200)
                .body("collection_name", equalTo("file-" + file)).body("content", containsString("Processing on request"));
        TestUser stranger = TestUsers.create(Roles.USER);
        given().auth().oauth2(stranger.token()).contentType("application/json").body(Map.of("file_id", file))
                .post("/api/v1/retrieval/process/file").then().statusCode(404);
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of())
                .post("/api/v1/retrieval/process/file").then().statusCode(400);
        given().auth().oauth2(user.token()).get("/api/v1/files/" + file).then().body("data.status", equalTo("completed"));
        given().auth().oauth2(user.token()).get("/api/v1/files/").then().body("data", org.hamcrest.Matchers.not(empty()));
    }
}
