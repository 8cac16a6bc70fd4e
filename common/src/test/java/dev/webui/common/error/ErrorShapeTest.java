package dev.webui.common.error;

import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ErrorShapeTest {

    @Test
    void wellFormedBodyRoundTrips() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"count\":2,\"tags\":[\"x\"]}")
                .post("/probe/echo").then().statusCode(200).body("name", equalTo("a")).body("count", equalTo(2));
    }

    @Test
    void malformedJsonIs400WithDetail() {
        given().contentType(ContentType.JSON).body("{\"name\": \"a\",")
                .post("/probe/echo").then().statusCode(400).contentType(ContentType.JSON)
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"count\":\"many\"}")
                .post("/probe/echo").then().statusCode(400).body("detail", containsString("count"));
    }

    @Test
    void wrongTypeIsNamedInWordsNotJavaTypes() {
        given().contentType(ContentType.JSON).body("{\"name\":{\"x\":1},\"count\":2}")
                .post("/probe/echo").then().statusCode(400)
                .body("detail", equalTo("Invalid value for 'name': expected a string"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"tags\":\"x\",\"count\":[1]}")
                .post("/probe/echo").then().statusCode(400).body("detail", not(containsString("java.")))
                .body("detail", not(containsString("`")));
        given().contentType(ContentType.JSON).body("{\"name\": tru}")
                .post("/probe/echo").then().statusCode(400).body("detail", equalTo("Malformed JSON in the request body at line 1, column 10"));
    }

    @Test
    void textWithNulIsRefusedAsBadInputNotAFailure() {
        given().queryParam("text", "plain").get("/probe/db").then().statusCode(200).body("echoed", equalTo("plain"));
        given().urlEncodingEnabled(false).get("/probe/db?text=a%00b").then().statusCode(400)
                .body("detail", equalTo("Text may not contain the NUL character (\\u0000)"));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(300) + "]".repeat(300);
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"unknown\":" + deep + "}")
                .post("/probe/echo").then().statusCode(400)
                .body("detail", equalTo("The request body nests objects and lists too deeply"));
    }

    @Test
    void tooManyValuesAreRefusedBeforeTheTreeIsBuilt() {
        String many = "\"x\",".repeat(600_000);
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"unknown\":[" + many + "\"x\"]}")
                .post("/probe/echo").then().statusCode(413)
                .body("detail", equalTo("The request body holds too many JSON values"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"tags\":[" + many + "\"x\"]}") // bound to a list field
                .post("/probe/echo").then().statusCode(413)
                .body("detail", equalTo("The request body holds too many JSON values"));
    }

    @Test
    void aBodyDeclaredLargerThanTheRouteTakesIsRefusedUnread() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}")
                .post("/probe/echo").then().statusCode(413)
                .body("detail", containsString("The request body is too large"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("name=a")
                .post("/probe/echo").then().statusCode(415).contentType(ContentType.JSON)
                .body("detail", containsString("application/json"));
    }

    @Test
    void unknownPathIs404WithDetail() {
        given().get("/no/such/path").then().statusCode(404).contentType(ContentType.JSON).body("detail", equalTo("Not Found"));
        given().get("/probe/nothing-here").then().statusCode(404).contentType(ContentType.JSON).body("detail", equalTo("Not Found"));
    }

    @Test
    void wrongMethodIs405WithDetail() {
        given().delete("/probe/public").then().statusCode(405).contentType(ContentType.JSON).body("detail", equalTo("Method Not Allowed"));
    }

    @Test
    void unexpectedFailureHidesInternals() {
        given().get("/probe/fail").then().statusCode(500).contentType(ContentType.JSON)
                .body("detail", containsString("Internal server error"))
                .body("detail", not(containsString("secret internals")))
                .body(not(containsString("at dev.webui")));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().get("/health").then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "gateway-42").get("/health").then().header("X-Request-Id", equalTo("gateway-42"));
        given().header("X-Request-Id", "bad id with spaces").get("/health").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
