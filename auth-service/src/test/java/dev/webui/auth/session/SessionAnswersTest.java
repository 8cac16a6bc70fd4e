package dev.webui.auth.session;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A session check answered from {@link SessionAnswers} is the same answer, cookie included, for each token. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SessionAnswersTest {

    @Test
    void everyCheckCarriesItsOwnTokensBodyAndCookie() {
        Api.Session user = Api.newAccount("user");
        ExtractableResponse<Response> first = as(user.token()).get("/api/v1/auths/").then().statusCode(200)
                .contentType("application/json").body("token", equalTo(user.token())).body("id", equalTo(user.id())).extract();
        ExtractableResponse<Response> second = as(user.token()).get("/api/v1/auths/").then().statusCode(200).extract();
        assertEquals(first.body().asString(), second.body().asString());
        assertEquals(user.token(), second.cookie("token"));
        assertEquals(first.header("Set-Cookie"), second.header("Set-Cookie"));

        // a second session of the same user gets its own token back, in the body and the cookie
        String other = Api.signIn(user.email(), Api.PASSWORD).then().statusCode(200).extract().path("token");
        assertNotEquals(user.token(), other);
        ExtractableResponse<Response> otherCheck = as(other).get("/api/v1/auths/").then().statusCode(200)
                .body("token", equalTo(other)).extract();
        assertEquals(other, otherCheck.cookie("token"));
        as(user.token()).get("/api/v1/auths/").then().body("token", equalTo(user.token()));
    }
}
