package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.chat.TestSql;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.settings.SettingsDocument;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The config table's document is one store for every service: what one writes, the others read. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SharedSettingsDocumentTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;
    @Inject
    ObjectMapper mapper;
    @Inject
    SettingsDocument document;

    /** auth-service's writer: a SettingsDocument of another process on the same database and Redis. */
    private SettingsDocument authService() {
        return new SettingsDocument(pool, redis, keys, mapper);
    }

    @Test
    void theUploadLimitsFileServiceSavesShowInApiConfig() {
        TestUser user = TestUsers.create(Roles.USER);
        // the paths file-service's retrieval settings write (docs/files.md, "Limits")
        authService().set(Map.of("rag.file.max_size", JSON.numberNode(7), "rag.file.max_count", JSON.numberNode(3)))
                .await().atMost(Duration.ofSeconds(30));
        JsonPath config = await(user, c -> Integer.valueOf(7).equals(c.get("file.max_size")));
        assertEquals(3, config.getInt("file.max_count"));

        authService().set(Map.of("rag.file.max_size", JSON.nullNode())).await().atMost(Duration.ofSeconds(30));
        await(user, c -> c.get("file.max_size") == null && Integer.valueOf(3).equals(c.get("file.max_count")));
    }

    @Test
    void whatAuthServiceSavesShowsInApiConfig() {
        TestUser user = TestUsers.create(Roles.USER);
        TestUser pending = TestUsers.create(Roles.PENDING);
        as(user).get("/api/config").then().statusCode(200).body("features.enable_signup", equalTo(true))
                .body("features.enable_ldap", equalTo(false)).body("permissions.chat.delete", equalTo(true));

        // the paths auth-service's AuthSetting and PermissionService write
        authService().set(Map.of(
                "ui.enable_signup", JSON.booleanNode(false),
                "ldap.enable", JSON.booleanNode(true),
                "ui.pending_user_overlay_title", JSON.textNode("Hold on"),
                "ui.pending_user_overlay_content", JSON.textNode("An admin will let you in."),
                "user.permissions", JSON.objectNode().set("chat", JSON.objectNode().put("delete", false)))).await().atMost(Duration.ofSeconds(30));

        JsonPath config = await(user, c -> !c.getBoolean("features.enable_signup"));
        assertEquals(true, config.getBoolean("features.enable_ldap"));
        assertEquals(false, config.getBoolean("permissions.chat.delete"));
        assertEquals(true, config.getBoolean("permissions.chat.edit"), "a partial save keeps the other defaults");
        assertEquals("Hold on", config.getString("ui.pending_user_overlay_title"));
        as(pending).get("/api/config").then().body("ui.pending_user_overlay_content", equalTo("An admin will let you in."))
                .body("features.enable_signup", equalTo(false));
    }

    @Test
    void concurrentWritersInTwoServicesKeepEachOthersKeys() throws Exception {
        SettingsDocument other = authService();
        List<Uni<ObjectNode>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(document.set(Map.of("concurrency.api.k" + i, JSON.numberNode(i))));
            writes.add(other.set(Map.of("concurrency.auth.k" + i, JSON.numberNode(i))));
        }
        Uni.join().all(writes).andFailFast().await().atMost(Duration.ofSeconds(60));

        JsonNode stored = mapper.readTree(TestSql.strings("SELECT data::text FROM config ORDER BY id DESC LIMIT 1").get(0));
        for (int i = 0; i < 20; i++) {
            assertEquals(i, stored.path("concurrency").path("api").path("k" + i).asInt(-1), "api key " + i);
            assertEquals(i, stored.path("concurrency").path("auth").path("k" + i).asInt(-1), "auth key " + i);
        }
        assertEquals(List.of("1"), TestSql.strings("SELECT count(*)::text FROM config"), "one document row");
    }

    private static JsonPath await(TestUser user, Predicate<JsonPath> condition) {
        return Awaitility.await("/api/config shows the change").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25))
                .until(() -> as(user).get("/api/config").then().statusCode(200).extract().jsonPath(), condition::test);
    }
}
