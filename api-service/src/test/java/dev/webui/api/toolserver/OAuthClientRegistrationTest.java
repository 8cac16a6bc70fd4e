package dev.webui.api.toolserver;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

/** The stock admin page's OAuth client registration for MCP servers gets a refusal it can show. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class OAuthClientRegistrationTest {
    private static final Map<String, String> FORM = Map.of("url", "http://127.0.0.1:9/mcp", "client_id", "mcp-docs");

    @Test
    void anAdminLearnsThatOAuthToolServersAreNotSupported() {
        as(TestUsers.create(Roles.ADMIN)).body(FORM).queryParam("type", "mcp").post("/api/v1/configs/oauth/clients/register").then()
                .statusCode(400).body("detail", equalTo(OAuthClientRegistrationResource.REFUSAL));
    }

    @Test
    void othersAreTurnedAwayAsFromEveryAdminSetting() {
        as(TestUsers.create(Roles.USER)).body(FORM).post("/api/v1/configs/oauth/clients/register").then().statusCode(401);
        anonymous().body(FORM).post("/api/v1/configs/oauth/clients/register").then().statusCode(403);
    }
}
