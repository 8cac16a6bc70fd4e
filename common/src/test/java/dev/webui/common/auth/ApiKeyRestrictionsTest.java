package dev.webui.common.auth;

import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ApiKeyRestrictionsTest.Restricted.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ApiKeyRestrictionsTest {
    public static class Restricted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ENABLE_API_KEY_ENDPOINT_RESTRICTIONS", "true", "API_KEY_ALLOWED_ENDPOINTS", "/probe/verified");
        }
    }

    @Test
    void keyWorksOnlyOnAllowedEndpoints() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.apiKey()).get("/probe/verified").then().statusCode(200).body("id", equalTo(user.id()));
        given().auth().oauth2(user.apiKey()).get("/probe/any").then().statusCode(403).body("detail", containsString("/probe/any"));
        given().auth().oauth2(user.token()).get("/probe/any").then().statusCode(200);
    }
}
