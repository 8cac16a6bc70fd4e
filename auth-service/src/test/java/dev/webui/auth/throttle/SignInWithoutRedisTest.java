package dev.webui.auth.throttle;

import dev.webui.auth.Api;
import dev.webui.common.testing.PrivateRedisEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.webui.auth.Api.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.fail;

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
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Api.signIn(s.email(), PASSWORD).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                fail("sign-in did not recover once Redis was back");
            }
            Thread.sleep(200);
        }
    }
}
