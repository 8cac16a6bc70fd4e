package dev.webui.common.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What every service answers, whatever else it does. Each service runs it as a @QuarkusTest. */
public abstract class ServiceContract {
    @Test
    void healthEndpoints() {
        given().get("/health").then().statusCode(200).body("status", equalTo(true));
        given().get("/health/db").then().statusCode(200).body("status", equalTo(true));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItems("postgresql", "redis"));
    }

    @Test
    void apiDocsAreOffByDefault() {
        given().get("/api/openapi.json").then().statusCode(404);
        given().redirects().follow(true).get("/api/docs").then().statusCode(404);
    }

    @Test
    void metricsAreExported() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathsAnswerInTheContractShape() {
        given().get("/api/v1/does-not-exist").then().statusCode(404).body("detail", equalTo("Not Found"));
    }
}
