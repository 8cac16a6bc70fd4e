package dev.webui.common.http;

import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handoff finds Quarkus REST's handler, and failed authentications still end where they did. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class AuthFailureHandoffTest {
    @Inject
    AuthFailureHandoff handoff;

    @Test
    void quarkusRestsHandlerIsFound() {
        assertTrue(handoff.installed(), AuthFailureHandoff.HANDLER_CLASS + " is gone: every request works out its URL template again");
    }

    @Test
    void failedAuthenticationsAnswerAsBefore() {
        // a public endpoint: a bad token means anonymous, answered once
        given().auth().oauth2("not-a-jwt").get("/probe/public").then().statusCode(200).body("user_id", equalTo(""));
        // an endpoint for signed-in users: 401 with a detail
        given().auth().oauth2("not-a-jwt").get("/probe/verified").then().statusCode(401)
                .body("detail", not(emptyOrNullString()));
        given().auth().oauth2(TestUsers.create("user").token()).get("/probe/verified").then().statusCode(200);
    }
}
