package dev.webui.api.settings;

import dev.webui.api.support.Poll;
import dev.webui.api.support.RedisCli;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SettingsStoreTest {

    @Test
    void defaultModelsSavedByAnAdminReachConfigAsACommaString() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).body(Map.of("DEFAULT_MODELS", "m1,m2", "MODEL_ORDER_LIST", List.of("m2", "m1")))
                .post("/api/v1/configs/models").then().statusCode(200)
                .body("DEFAULT_MODELS", equalTo("m1,m2")).body("MODEL_ORDER_LIST", equalTo(List.of("m2", "m1")));
        as(TestUsers.create(Roles.USER)).get("/api/config").then().body("default_models", equalTo("m1,m2"));
        JsonPath effective = as(admin).get("/api/v1/configs/effective").then().statusCode(200).extract().jsonPath();
        assertEquals("database", effective.getString("find { it.path == 'ui.default_models' }.source"));
        assertEquals("DEFAULT_MODELS", effective.getString("find { it.path == 'ui.default_models' }.env"));
        assertEquals("default", effective.getString("find { it.path == 'ui.enable_signup' }.source"));
        as(admin).get("/api/v1/configs/export").then().statusCode(200)
                .body("ui.default_models", equalTo("m1,m2")).body("version", equalTo(0));
    }

    @Test
    void onlyAdminsChangeSettings() {
        Map<String, Object> body = Map.of("banners", List.of());
        anonymous().body(body).post("/api/v1/configs/banners").then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).body(body).post("/api/v1/configs/banners").then().statusCode(401);
        as(TestUsers.create(Roles.USER)).body(body).post("/api/v1/configs/banners").then().statusCode(401);
        as(TestUsers.create(Roles.USER)).get("/api/v1/configs/effective").then().statusCode(401);
        as(TestUsers.create(Roles.USER)).get("/api/v1/configs/export").then().statusCode(401);
    }

    @Test
    void bannersRoundTripAndBadBodiesAreRefused() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        Map<String, Object> banner = Map.of("id", "b1", "type", "info", "content", "Maintenance at noon",
                "dismissible", true, "timestamp", 1700000000);
        as(admin).body(Map.of("banners", List.of(banner))).post("/api/v1/configs/banners").then().statusCode(200);
        as(TestUsers.create(Roles.USER)).get("/api/v1/configs/banners").then().statusCode(200)
                .body("content", hasItem("Maintenance at noon"));
        as(admin).body(Map.of("banners", "nope")).post("/api/v1/configs/banners").then().statusCode(400)
                .body("detail", containsString("banners"));
        as(admin).body("{\"banners\": [").post("/api/v1/configs/banners").then().statusCode(400)
                .body("detail", containsString("Malformed JSON"));
        as(admin).body(Map.of("ENABLE_DIRECT_CONNECTIONS", "yes", "ENABLE_BASE_MODELS_CACHE", false))
                .post("/api/v1/configs/connections").then().statusCode(400)
                .body("detail", containsString("ENABLE_DIRECT_CONNECTIONS"));
    }

    @Test
    void aChangeMadeByAnotherReplicaIsPickedUpThroughRedis() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).body(Map.of("ENABLE_DIRECT_CONNECTIONS", false, "ENABLE_BASE_MODELS_CACHE", false))
                .post("/api/v1/configs/connections").then().statusCode(200);
        // another replica: writes the table, and announces the change
        TestUsers.execute("UPDATE config SET data = jsonb_set(data, '{direct,enable}', 'true') "
                + "WHERE id = (SELECT max(id) FROM config)");
        RedisCli.run("PUBLISH", RedisCli.prefix() + ":config:changed", "changed");
        Poll.until("the replica picks up the change", Duration.ofSeconds(10),
                () -> as(admin).get("/api/v1/configs/connections").then().extract().jsonPath().getBoolean("ENABLE_DIRECT_CONNECTIONS"));
    }

    @Test
    void importReplacesTheDocumentAndStripsNulBytes() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).body("{\"config\": {\"version\": 0, \"ui\": {\"pending_user_overlay_title\": \"Wait\\u0000 please\"}}}")
                .post("/api/v1/configs/import").then().statusCode(200)
                .body("ui.pending_user_overlay_title", equalTo("Wait please"));
        as(TestUsers.create(Roles.PENDING)).get("/api/config").then().body("ui.pending_user_overlay_title", equalTo("Wait please"));
        as(admin).body("{\"config\": 5}").post("/api/v1/configs/import").then().statusCode(400);
    }
}
