package dev.webui.common.health;

import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class HealthEndpointsTest {

    @Test
    void openWebuiHealthEndpoints() {
        given().get("/health").then().statusCode(200).body("status", equalTo(true));
        given().get("/health/db").then().statusCode(200).body("status", equalTo(true));
    }

    @Test
    void quarkusProbesReportBothDependencies() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("postgresql", "redis"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedAndApiDocsOnlyWhenEnabled() {
        given().get("/api/openapi.json").then().statusCode(404);
        given().redirects().follow(true).get("/api/docs").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200);
    }
}
