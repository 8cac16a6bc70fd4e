package dev.webui.auth.oauth;

import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Without OIDC settings the SSO paths say so in the contract's shape instead of an empty 401. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OidcNotConfiguredTest {
    @Test
    void loginAndCallbackExplainWhatIsMissing() {
        for (String path : new String[] {"/oauth/oidc/login", "/oauth/oidc/login/callback?code=x&state=y"}) {
            given().redirects().follow(false).get(path).then().statusCode(404).contentType(ContentType.JSON)
                    .body("detail", containsString("OAUTH_CLIENT_ID"));
        }
    }
}
