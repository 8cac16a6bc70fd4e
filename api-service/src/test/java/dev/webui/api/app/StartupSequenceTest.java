package dev.webui.api.app;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.webui.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The startup calls (docs/contract.md, "Startup sequence") that api-service owns answer 200 for a fresh admin and a fresh user of a fresh install. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StartupSequenceTest {
    private static final List<String> PAGE_LOAD = List.of("/api/config", "/api/models", "/api/v1/configs/banners",
            "/api/v1/tools/", "/api/v1/chats/all/tags", "/api/v1/chats/pinned", "/api/v1/folders/", "/api/v1/chats/?page=1",
            "/api/v1/functions/", "/api/v1/prompts/", "/api/v1/notes/", "/api/v1/memories/", "/api/usage");

    @Test
    void freshAdminAndFreshUser() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        for (TestUser caller : List.of(admin, user)) {
            given().cookie("token", caller.token()).get("/api/config").then().statusCode(200);
            for (String path : PAGE_LOAD) {
                assertEquals(200, as(caller).get(path).statusCode(), caller.role() + " " + path);
            }
        }
        as(admin).get("/api/version/updates").then().statusCode(200);
        as(admin).get("/ollama/config").then().statusCode(200);
        as(admin).get("/openai/config").then().statusCode(200);
    }
}
