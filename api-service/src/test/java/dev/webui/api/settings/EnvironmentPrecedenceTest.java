package dev.webui.api.settings;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The environment seeds settings; a saved value wins over it; OPENAI lists split on semicolons. */
@QuarkusTest
@TestProfile(EnvironmentPrecedenceTest.Env.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class EnvironmentPrecedenceTest {
    public static class Env implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ENABLE_CHANNELS", "true", "DEFAULT_LOCALE", "de-DE",
                    "OPENAI_API_BASE_URLS", "http://a.invalid/v1;http://b.invalid/v1", "OPENAI_API_KEYS", "ka;kb",
                    "WEBUI_NAME", "Team Chat", "OAUTH_CLIENT_ID", "webui", "OPENID_PROVIDER_URL",
                    "http://idp.invalid/.well-known/openid-configuration", "OAUTH_PROVIDER_NAME", "Company SSO", "FILE_MAX_SIZE", "50");
        }
    }

    @Test
    void environmentThenDatabase() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).get("/api/config").then().statusCode(200)
                .body("name", equalTo("Team Chat"))
                .body("default_locale", equalTo("de-DE"))
                .body("features.enable_channels", equalTo(true))
                .body("oauth.providers", equalTo(Map.of("oidc", "Company SSO")))
                .body("file.max_size", equalTo(50))
                .body("file.max_count", equalTo(null));
        anonymous().get("/api/config").then().body("oauth.providers.oidc", equalTo("Company SSO"));
        JsonPath effective = as(admin).get("/api/v1/configs/effective").then().extract().jsonPath();
        assertEquals("env", effective.getString("find { it.path == 'channels.enable' }.source"));
        assertEquals(java.util.List.of("http://a.invalid/v1", "http://b.invalid/v1"),
                effective.getList("find { it.path == 'openai.api_base_urls' }.value"));
        assertEquals(java.util.List.of("ka", "kb"), effective.getList("find { it.path == 'openai.api_keys' }.value"));

        as(admin).body("{\"config\": {\"version\": 0, \"ui\": {}, \"channels\": {\"enable\": false}}}")
                .post("/api/v1/configs/import").then().statusCode(200);
        as(admin).get("/api/config").then().body("features.enable_channels", equalTo(false));
        effective = as(admin).get("/api/v1/configs/effective").then().extract().jsonPath();
        assertEquals("database", effective.getString("find { it.path == 'channels.enable' }.source"));
    }
}
