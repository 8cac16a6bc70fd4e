package dev.webui.api.app;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.support.Poll;
import dev.webui.api.support.RedisCli;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppConfigTest {
    @Inject
    SettingsStore settings;

    @Test
    void aSavedSettingReplacesTheRememberedAnswerAtOnce() {
        TestUser user = TestUsers.create(Roles.USER);
        as(user).get("/api/config").then().statusCode(200).body("default_models", nullValue());
        settings.save(Map.of(Settings.DEFAULT_MODELS, TextNode.valueOf("model-x"))).await().atMost(Duration.ofSeconds(10));
        as(user).get("/api/config").then().statusCode(200).body("default_models", equalTo("model-x"));
        settings.save(Map.of(Settings.DEFAULT_MODELS, TextNode.valueOf(""))).await().atMost(Duration.ofSeconds(10));
        as(user).get("/api/config").then().statusCode(200).body("default_models", nullValue());
    }

    @Test
    void aSettingSavedByAnotherReplicaReplacesTheRememberedAnswerOnceAnnounced() {
        settings.save(Map.of(Settings.DEFAULT_MODELS, TextNode.valueOf(""))).await().atMost(Duration.ofSeconds(10));
        TestUser user = TestUsers.create(Roles.USER);
        as(user).get("/api/config").then().statusCode(200).body("default_models", nullValue());
        as(user).get("/api/config").then().statusCode(200).body("default_models", nullValue());
        // another replica writes the document and announces it; this one has the answer remembered
        String path = "{" + Settings.DEFAULT_MODELS.path().replace('.', ',') + "}";
        TestUsers.execute("UPDATE config SET data = jsonb_set(data, ?::text[], '\"model-elsewhere\"') WHERE id = (SELECT max(id) FROM config)", path);
        RedisCli.run("PUBLISH", RedisCli.prefix() + ":config:changed", "changed");
        Poll.until("the other replica's default model", Duration.ofSeconds(10), () -> "model-elsewhere".equals(
                as(user).get("/api/config").then().statusCode(200).extract().jsonPath().getString("default_models")));
        settings.save(Map.of(Settings.DEFAULT_MODELS, TextNode.valueOf(""))).await().atMost(Duration.ofSeconds(10));
        as(user).get("/api/config").then().statusCode(200).body("default_models", nullValue());
    }

    @Test
    void eachKindOfCallerGetsItsOwnAnswerWhenTheyTakeTurns() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        TestUser pending = TestUsers.create(Roles.PENDING);
        for (int round = 0; round < 3; round++) {
            as(admin).get("/api/config").then().statusCode(200).body("$", hasKey("active_entries"));
            as(user).get("/api/config").then().statusCode(200).body("$", not(hasKey("active_entries"))).body("$", hasKey("permissions"));
            as(pending).get("/api/config").then().statusCode(200).body("$", not(hasKey("permissions")));
            anonymous().get("/api/config").then().statusCode(200).body("$", not(hasKey("user_count")));
        }
    }

    @Test
    @Order(1)
    void anonymousOnAFreshInstallSeesOnboarding() {
        anonymous().get("/api/config").then().statusCode(200)
                .body("status", equalTo(true))
                .body("name", equalTo("Open WebUI"))
                .body("version", equalTo("0.6.32"))
                .body("onboarding", equalTo(true))
                .body("oauth.providers", equalTo(java.util.Map.of()))
                .body("features.enable_signup", equalTo(true))
                .body("features.enable_login_form", equalTo(true))
                .body("features.enable_websocket", equalTo(true))
                .body("features.auth", equalTo(true))
                .body("$", not(hasKey("default_models")))
                .body("features", not(hasKey("enable_channels")));
    }

    @Test
    @Order(2)
    void onboardingEndsWithTheFirstAccount() {
        TestUsers.create(Roles.ADMIN);
        anonymous().get("/api/config").then().statusCode(200).body("$", not(hasKey("onboarding")));
    }

    @Test
    void anInvalidTokenIsTreatedAsAnonymous() {
        given().header("Authorization", "Bearer not-a-jwt").get("/api/config").then().statusCode(200)
                .body("$", not(hasKey("user_count")));
        given().cookie("token", "garbage").get("/api/config").then().statusCode(200).body("status", equalTo(true));
    }

    @Test
    void verifiedUsersGetTheFullConfigFromTheCookieAlone() {
        TestUser user = TestUsers.create(Roles.USER);
        given().cookie("token", user.token()).get("/api/config").then().statusCode(200)
                .body("default_models", nullValue())
                .body("default_prompt_suggestions[0].title", hasSize(2))
                .body("user_count", notNullValue())
                .body("features.enable_channels", equalTo(false))
                .body("features.enable_notes", equalTo(true))
                .body("features.enable_admin_export", equalTo(true))
                .body("code.engine", equalTo("pyodide"))
                .body("audio.tts.split_on", equalTo("punctuation"))
                .body("file.image_compression.width", nullValue())
                .body("permissions.chat.delete", equalTo(true))
                .body("ui.response_watermark", equalTo(""))
                .body("license_metadata", nullValue())
                .body("$", not(hasKey("active_entries")))
                .body("$", not(hasKey("onboarding")));
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).get("/api/config").then().statusCode(200).body("active_entries", equalTo(0));
    }

    @Test
    void pendingUsersGetOnlyTheOverlayTexts() {
        TestUser pending = TestUsers.create(Roles.PENDING);
        as(pending).get("/api/config").then().statusCode(200)
                .body("ui.pending_user_overlay_title", equalTo(""))
                .body("ui", not(hasKey("response_watermark")))
                .body("$", not(hasKey("default_models")))
                .body("$", not(hasKey("permissions")));
    }

    @Test
    void versionEndpoints() {
        anonymous().get("/api/version").then().statusCode(200).body("version", equalTo("0.6.32"));
        anonymous().get("/api/changelog").then().statusCode(200).body("$", hasKey("0.6.32"));
        anonymous().get("/api/version/updates").then().statusCode(403).body("detail", equalTo("Not authenticated"));
        as(TestUsers.create(Roles.PENDING)).get("/api/version/updates").then().statusCode(401);
        as(TestUsers.create(Roles.USER)).get("/api/version/updates").then().statusCode(200)
                .body("current", equalTo("0.6.32")).body("latest", equalTo("0.6.32"));
    }

    @Test
    void usageListsConnectedUsersAndRecentlyUsedModels() {
        TestUser user = TestUsers.create(Roles.USER);
        RedisCli.run("SADD", RedisCli.prefix() + ":bridge:users", user.id());
        RedisCli.run("ZADD", RedisCli.prefix() + ":bridge:usage", Long.toString(System.currentTimeMillis()), "gpt-x");
        RedisCli.run("ZADD", RedisCli.prefix() + ":bridge:usage", Long.toString(System.currentTimeMillis() - 60_000), "stale-model");
        as(user).get("/api/usage").then().statusCode(200)
                .body("model_ids", equalTo(java.util.List.of("gpt-x"))).body("user_ids", equalTo(java.util.List.of(user.id())));
        anonymous().get("/api/usage").then().statusCode(403);
    }
}
