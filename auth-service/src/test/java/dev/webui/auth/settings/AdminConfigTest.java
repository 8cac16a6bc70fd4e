package dev.webui.auth.settings;

import dev.webui.auth.Api;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.webui.auth.Api.PASSWORD;
import static dev.webui.auth.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class AdminConfigTest {
    private static final List<String> KEYS = List.of("SHOW_ADMIN_DETAILS", "WEBUI_URL", "ENABLE_SIGNUP", "ENABLE_API_KEY",
            "ENABLE_API_KEY_ENDPOINT_RESTRICTIONS", "API_KEY_ALLOWED_ENDPOINTS", "DEFAULT_USER_ROLE", "JWT_EXPIRES_IN",
            "ENABLE_COMMUNITY_SHARING", "ENABLE_MESSAGE_RATING", "ENABLE_CHANNELS", "ENABLE_NOTES", "ENABLE_USER_WEBHOOKS",
            "PENDING_USER_OVERLAY_TITLE", "PENDING_USER_OVERLAY_CONTENT", "RESPONSE_WATERMARK");

    private static Response save(Map<String, Object> changes) {
        return as(Api.admin().token()).body(changes).post("/api/v1/auths/admin/config");
    }

    private static Object stored(String... path) {
        return Api.queryOne("SELECT data #>> ? FROM config ORDER BY id DESC LIMIT 1", (Object) path);
    }

    @AfterEach
    void restore() {
        save(Map.of("ENABLE_SIGNUP", true, "DEFAULT_USER_ROLE", "pending", "JWT_EXPIRES_IN", "4w", "ENABLE_API_KEY", true,
                "SHOW_ADMIN_DETAILS", true, "WEBUI_URL", "", "API_KEY_ALLOWED_ENDPOINTS", "", "ENABLE_CHANNELS", false,
                "PENDING_USER_OVERLAY_TITLE", "")).then().statusCode(200);
    }

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;

    @Test
    void savingAnnouncesTheChange() throws Exception {
        BlockingQueue<String> announcements = new LinkedBlockingQueue<>();
        var subscription = redis.pubsub(String.class).subscribe(keys.settingsChangedChannel()).subscribe().with(announcements::add);
        try {
            // Redis confirms SUBSCRIBE asynchronously: publish probes until one comes back
            await("the subscription to the settings channel").atMost(Duration.ofSeconds(20)).until(() -> {
                redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "probe").await().atMost(Duration.ofSeconds(5));
                return "probe".equals(announcements.poll(100, TimeUnit.MILLISECONDS));
            });
            save(Map.of("ENABLE_CHANNELS", true)).then().statusCode(200);
            await("the announcement").atMost(Duration.ofSeconds(10)).until(() -> announcements.contains("changed"));
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void answersEveryKeyWithTheEnvironmentDefaults() {
        Response r = as(Api.admin().token()).get("/api/v1/auths/admin/config");
        r.then().statusCode(200)
                .body("SHOW_ADMIN_DETAILS", equalTo(true)).body("WEBUI_URL", equalTo(""))
                .body("ENABLE_API_KEY", equalTo(true)).body("ENABLE_API_KEY_ENDPOINT_RESTRICTIONS", equalTo(false))
                .body("API_KEY_ALLOWED_ENDPOINTS", equalTo("")).body("DEFAULT_USER_ROLE", equalTo("pending"))
                .body("JWT_EXPIRES_IN", equalTo("4w")).body("ENABLE_COMMUNITY_SHARING", equalTo(true))
                .body("ENABLE_MESSAGE_RATING", equalTo(true)).body("ENABLE_CHANNELS", equalTo(false))
                .body("ENABLE_NOTES", equalTo(true)).body("ENABLE_USER_WEBHOOKS", equalTo(true))
                .body("PENDING_USER_OVERLAY_TITLE", equalTo("")).body("PENDING_USER_OVERLAY_CONTENT", equalTo(""))
                .body("RESPONSE_WATERMARK", equalTo(""));
        assertEquals(KEYS, List.copyOf(r.jsonPath().getMap("$").keySet()));
    }

    @Test
    void savedValuesLandAtOpenWebuiPathsAndTakeEffect() {
        Response r = save(Map.of("DEFAULT_USER_ROLE", "user", "JWT_EXPIRES_IN", "1h", "PENDING_USER_OVERLAY_TITLE", "Wait",
                "ENABLE_CHANNELS", true, "API_KEY_ALLOWED_ENDPOINTS", "/api/models,/api/chat"));
        r.then().statusCode(200).body("DEFAULT_USER_ROLE", equalTo("user")).body("JWT_EXPIRES_IN", equalTo("1h"))
                .body("PENDING_USER_OVERLAY_TITLE", equalTo("Wait")).body("ENABLE_CHANNELS", equalTo(true))
                .body("ENABLE_SIGNUP", equalTo(true));
        assertEquals(KEYS, List.copyOf(r.jsonPath().getMap("$").keySet()));
        assertEquals("user", stored("ui", "default_user_role"));
        assertEquals("1h", stored("auth", "jwt_expiry"));
        assertEquals("Wait", stored("ui", "pending_user_overlay_title"));
        assertEquals("true", stored("channels", "enable"));
        assertEquals("/api/models,/api/chat", stored("auth", "api_key", "allowed_endpoints"));
        assertEquals("0", stored("version"));

        long before = Instant.now().getEpochSecond();
        Response signUp = Api.signUp("Role", "role-" + before + "@example.com", PASSWORD);
        signUp.then().statusCode(200).body("role", equalTo("user"));
        long expiresAt = signUp.jsonPath().getLong("expires_at");
        assertTrue(expiresAt >= before + 3600 && expiresAt <= Instant.now().getEpochSecond() + 3600);
    }

    @Test
    void neverExpiringTokensHaveNoExpiryAnywhere() {
        for (String never : List.of("-1", "0")) {
            save(Map.of("JWT_EXPIRES_IN", never)).then().statusCode(200);
            Api.Session s = Api.newAccount();
            Response r = Api.signIn(s.email(), PASSWORD);
            r.then().statusCode(200).body("expires_at", nullValue());
            assertNull(TestUsers.jwt().verify(r.path("token")).orElseThrow().expiresAt());
            assertNull(r.detailedCookie("token").getExpiryDate());
            assertFalse(r.getHeader("Set-Cookie").contains("Expires"), r.getHeader("Set-Cookie"));
        }
    }

    @Test
    void closedSignUpRefusesNewAccounts() {
        save(Map.of("ENABLE_SIGNUP", false)).then().statusCode(200);
        Api.signUp("No", "closed@example.com", PASSWORD).then().statusCode(403).body("detail", containsString("disabled"));
    }

    @Test
    void disabledApiKeysCannotBeCreatedNorUsed() {
        Api.Session s = Api.newAccount();
        String key = as(s.token()).post("/api/v1/auths/api_key").then().statusCode(200).extract().path("api_key");
        as(key).get("/api/v1/auths/").then().statusCode(200);
        save(Map.of("ENABLE_API_KEY", false)).then().statusCode(200);
        as(s.token()).post("/api/v1/auths/api_key").then().statusCode(403);
        // the save is announced on Redis, so every replica's policy refuses existing keys within moments
        await("the key is refused").atMost(Duration.ofSeconds(5)).until(() -> as(key).get("/api/v1/auths/").statusCode() == 403);
        as(key).get("/api/v1/auths/").then().statusCode(403).body("detail", containsString("disabled"));
    }

    @Test
    void hiddenAdminDetailsAreRefused() {
        Api.Session s = Api.newAccount();
        save(Map.of("SHOW_ADMIN_DETAILS", false)).then().statusCode(200);
        as(s.token()).get("/api/v1/auths/admin/details").then().statusCode(400);
    }

    @Test
    void httpsWebuiUrlMakesTheCookieSecure() {
        save(Map.of("WEBUI_URL", "https://chat.example.com")).then().statusCode(200);
        Api.Session s = Api.newAccount();
        Response r = Api.signIn(s.email(), PASSWORD);
        assertTrue(r.detailedCookie("token").isSecured());
        assertTrue(as(s.token()).get("/api/v1/auths/signout").detailedCookie("token").isSecured());
    }

    @Test
    void invalidValuesAreRefusedAndNothingIsWritten() {
        save(Map.of("DEFAULT_USER_ROLE", "boss", "ENABLE_SIGNUP", false)).then().statusCode(400).body("detail", containsString("DEFAULT_USER_ROLE"));
        save(Map.of("JWT_EXPIRES_IN", "forever")).then().statusCode(400).body("detail", containsString("JWT_EXPIRES_IN"));
        save(Map.of("ENABLE_SIGNUP", "yes")).then().statusCode(400).body("detail", containsString("ENABLE_SIGNUP"));
        save(Map.of("WEBUI_URL", 5)).then().statusCode(400);
        as(Api.admin().token()).body("[]").post("/api/v1/auths/admin/config").then().statusCode(400);
        as(Api.admin().token()).get("/api/v1/auths/admin/config").then().body("ENABLE_SIGNUP", equalTo(true))
                .body("DEFAULT_USER_ROLE", equalTo("pending"));
    }

    @Test
    void valuesWrittenByOpenWebuiAreHonouredAndMalformedOnesIgnored() {
        Api.admin();
        TestUsers.execute("UPDATE config SET data = jsonb_set(jsonb_set(data, '{ui,default_user_role}', '\"user\"'), '{auth,admin}', "
                + "'{\"show\": \"not a boolean\"}') WHERE id = (SELECT max(id) FROM config)");
        // a writer outside the suite: announced here, else replicas see it within SettingsDocument's maximum age
        redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed").await().indefinitely();
        await("the outside write is seen").atMost(Duration.ofSeconds(10))
                .until(() -> "user".equals(as(Api.admin().token()).get("/api/v1/auths/admin/config").jsonPath().getString("DEFAULT_USER_ROLE")));
        as(Api.admin().token()).get("/api/v1/auths/admin/config").then().body("DEFAULT_USER_ROLE", equalTo("user"))
                .body("SHOW_ADMIN_DETAILS", equalTo(true));
    }
}
