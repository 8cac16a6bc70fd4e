package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Uploads;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FILE_MAX_SIZE / FILE_MAX_COUNT / ALLOWED_FILE_EXTENSIONS live at Open WebUI's paths of config.data, shared with api-service. */
@QuarkusTest
@QuarkusTestResource(value = FilesTestEnvironment.class, restrictToAnnotatedClass = true)
class FileLimitsConfigTest {
    @Inject
    ConfigDocumentRepository document;
    @Inject
    RedisDataSource redis;
    @Inject
    RedisKeys keys;

    TestUser admin;
    TestUser user;

    @BeforeEach
    void users() {
        admin = TestUsers.create(Roles.ADMIN);
        user = TestUsers.create(Roles.USER);
    }

    @AfterEach
    void noLimits() {
        document.write(Map.of("rag.file.max_size", NullNode.instance, "rag.file.max_count", NullNode.instance));
    }

    JsonNode at(String pointer) {
        return document.load().at(pointer);
    }

    @Test
    void limitsSavedByAnAdminLandAtTheSharedPathsAndOtherServicesAreTold() {
        TestUsers.execute("DELETE FROM config");
        TestUsers.execute("INSERT INTO config (data, version) VALUES "
                + "('{\"version\": 0, \"ui\": {\"enable_signup\": false}, \"rag\": {\"top_k\": 9}}'::jsonb, 0)");
        List<String> announcements = new CopyOnWriteArrayList<>();
        var subscriber = redis.pubsub(String.class).subscribe(keys.settingsChangedChannel(), announcements::add);
        try {
            given().auth().oauth2(admin.token()).contentType("application/json")
                    .body(Map.of("FILE_MAX_SIZE", "5", "FILE_MAX_COUNT", 2, "ALLOWED_FILE_EXTENSIONS", List.of("TXT", ".md")))
                    .post("/api/v1/retrieval/config/update").then().statusCode(200)
                    .body("FILE_MAX_SIZE", equalTo(5)).body("FILE_MAX_COUNT", equalTo(2));

            assertTrue(at("/rag/file/max_size").isIntegralNumber(), "stored as a number, as Open WebUI does");
            assertEquals(5, at("/rag/file/max_size").asInt());
            assertEquals(2, at("/rag/file/max_count").asInt());
            assertEquals("[\"txt\",\"md\"]", at("/rag/file/allowed_extensions").toString());
            assertFalse(at("/ui/enable_signup").asBoolean(true), "other keys of the document are kept");
            assertEquals(9, at("/rag/top_k").asInt());
            assertFalse(document.load().has("FILE_MAX_SIZE"), "no flat copy beside the path");
            given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().statusCode(200)
                    .body("TOP_K", equalTo(9));
            await("config:changed announced").atMost(Duration.ofSeconds(30)).until(() -> !announcements.isEmpty());
        } finally {
            subscriber.unsubscribe();
        }

        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("FILE_MAX_SIZE", ""))
                .post("/api/v1/retrieval/config/update").then().statusCode(200);
        assertTrue(at("/rag/file/max_size").isNull(), "no limit is a stored null");
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("FILE_MAX_SIZE", 0))
                .post("/api/v1/retrieval/config/update").then().statusCode(400).body("detail", containsString("FILE_MAX_SIZE"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("FILE_MAX_COUNT", "many"))
                .post("/api/v1/retrieval/config/update").then().statusCode(400).body("detail", containsString("FILE_MAX_COUNT"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("ALLOWED_FILE_EXTENSIONS", List.of()))
                .post("/api/v1/retrieval/config/update").then().statusCode(200);
    }

    @Test
    void everyRetrievalSettingIsSavedAtOpenWebuisPathAndReadFromThere() {
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("TOP_K", 6, "RAG_TEMPLATE", "T {{CONTEXT}} {{QUERY}}",
                        "web", Map.of("WEB_SEARCH_ENGINE", "searxng", "WEB_SEARCH_RESULT_COUNT", "4")))
                .post("/api/v1/retrieval/config/update").then().statusCode(200)
                .body("TOP_K", equalTo(6)).body("web.WEB_SEARCH_RESULT_COUNT", equalTo(4));
        assertEquals(6, at("/rag/top_k").asInt());
        assertEquals("T {{CONTEXT}} {{QUERY}}", at("/rag/template").asText());
        assertEquals("searxng", at("/rag/web/search/engine").asText());
        assertEquals(4, at("/rag/web/search/result_count").asInt());
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("ollama_config", Map.of("url", "http://ollama:11434", "key", "k")))
                .post("/api/v1/retrieval/embedding/update").then().statusCode(200);
        assertEquals("http://ollama:11434", at("/rag/ollama/url").asText());

        // a value written by another writer (an imported Open WebUI config) takes effect
        TestUsers.execute("UPDATE config SET data = jsonb_set(data, '{rag,chunk_size}', '700') WHERE id = (SELECT max(id) FROM config)");
        announceChange();
        await("the imported value is read").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config")
                        .then().extract().path("CHUNK_SIZE").equals(700));
    }

    private void announceChange() {
        redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "test");
    }

    @Test
    void aLimitWrittenToTheDocumentByAnotherServiceIsEnforced() {
        TestUsers.execute("INSERT INTO config (data, version) SELECT '{\"version\": 0, \"ui\": {}}'::jsonb, 0 "
                + "WHERE NOT EXISTS (SELECT 1 FROM config)");
        TestUsers.execute("UPDATE config SET data = jsonb_set(data, '{rag}', coalesce(data->'rag', '{}'::jsonb) "
                + "|| '{\"file\": {\"max_size\": 1}}'::jsonb) WHERE id = (SELECT max(id) FROM config)");
        announceChange(); // what the other service's settings write does after it commits
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        // the announcement reaches the service asynchronously
        await("the limit is enforced").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Uploads.upload(user.token(), "big.txt", big, "text/plain").extract().statusCode() == 413);
        Uploads.upload(user.token(), "big.txt", big, "text/plain").statusCode(413).body("detail", containsString("1 MB"));
        given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().statusCode(200).body("FILE_MAX_SIZE", equalTo(1));

        // a value nobody can enforce (e.g. text from a configs import) is ignored, not turned into failures
        TestUsers.execute("UPDATE config SET data = jsonb_set(data, '{rag,file,max_size}', '\"![x](file:///etc/passwd)\"') "
                + "WHERE id = (SELECT max(id) FROM config)");
        announceChange();
        await("the unusable limit is ignored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Uploads.upload(user.token(), "big.txt", big, "text/plain").extract().statusCode() == 200);
        given().auth().oauth2(admin.token()).get("/api/v1/retrieval/config").then().statusCode(200)
                .body("FILE_MAX_SIZE", org.hamcrest.Matchers.nullValue());
    }
}
