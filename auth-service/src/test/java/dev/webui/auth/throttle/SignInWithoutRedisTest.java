package dev.webui.auth.throttle;

import dev.webui.auth.Api;
import dev.webui.common.testing.PrivateRedisEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.webui.auth.Api.PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Without Redis the failed sign-in counters cannot be kept: sign-in says so with a 503, never a 500 or an unthrottled try. */
@QuarkusTest
@QuarkusTestResource(value = PrivateRedisEnvironment.class, restrictToAnnotatedClass = true)
class SignInWithoutRedisTest {
    @Test
    void signInAnswers503NamingRedisWhileItIsDown() throws Exception {
        Api.Session s = Api.newAccount();
        PrivateRedisEnvironment.redis().stop();
        try {
            Api.signIn(s.email(), PASSWORD).then().statusCode(503).body("detail", containsString("Redis"));
            Api.signIn(s.email(), "wrong").then().statusCode(503).body("detail", containsString("try again"));
        } finally {
            PrivateRedisEnvironment.redis().start();
        }
        await("sign-in recovers once Redis is back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.signIn(s.email(), PASSWORD).statusCode() == 200);
    }
}
