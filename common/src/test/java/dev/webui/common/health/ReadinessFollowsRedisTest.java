package dev.webui.common.health;

import dev.webui.common.testing.PrivateRedisEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Readiness turns DOWN while a (private) Redis is stopped and UP again when it returns, without a restart. */
@QuarkusTest
@QuarkusTestResource(value = PrivateRedisEnvironment.class, restrictToAnnotatedClass = true)
class ReadinessFollowsRedisTest {
    @Test
    void readinessFlipsWithRedis() throws IOException {
        awaitReady(200);
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(200);
        PrivateRedisEnvironment.redis().stop();
        awaitReady(503);
        given().get("/q/health/ready").then().body("checks.find { it.name == 'redis' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'postgresql' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/health").then().statusCode(200);
        // the revocation check cannot run: the caller is told to retry, not signed out
        given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(503)
                .body("detail", containsString("try again"));
        PrivateRedisEnvironment.redis().start();
        awaitReady(200);
        given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(200);
    }

    private static void awaitReady(int status) {
        await("readiness " + status).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == status);
    }
}
