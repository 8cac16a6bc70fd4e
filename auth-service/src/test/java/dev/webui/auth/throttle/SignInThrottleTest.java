package dev.webui.auth.throttle;

import dev.webui.auth.Api;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.webui.auth.Api.PASSWORD;
import static dev.webui.auth.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SignInThrottleTest.LowLimits.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SignInThrottleTest {
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SIGNIN_MAX_FAILURES_PER_ACCOUNT", "3", "SIGNIN_MAX_FAILURES_PER_ADDRESS", "5", "SIGNIN_LOCKOUT_SECONDS", "120");
        }
    }

    @Inject
    RedisDataSource redis;
    @Inject
    RedisKeys keys;

    private static Response signIn(String email, String password, String address) {
        return anonymous().header("X-Forwarded-For", address).body(Map.of("email", email, "password", password)).post("/api/v1/auths/signin");
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void anAccountIsLockedAfterRepeatedFailuresEvenForTheRightPassword() {
        Api.Session s = Api.newAccount();
        for (int i = 0; i < 3; i++) {
            signIn(s.email(), "wrong", "203.0.113." + i).then().statusCode(400);
        }
        assertEquals("3", redis.value(String.class).get(keys.signInFailures("account", s.email())), "the count lives in Redis, for every replica");
        Response refused = signIn(s.email(), PASSWORD, "203.0.113.99");
        refused.then().statusCode(429).body("detail", containsString("Too many"));
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 120, "Retry-After " + retryAfter);
        // another account is unaffected
        Api.Session other = Api.newAccount();
        signIn(other.email(), PASSWORD, "203.0.113.98").then().statusCode(200);
        // once the window is over (simulated by dropping the key), the right password works again
        redis.key().del(keys.signInFailures("account", s.email()));
        signIn(s.email(), PASSWORD, "203.0.113.97").then().statusCode(200);
    }

    @Test
    void successClearsTheAccountCount() {
        Api.Session s = Api.newAccount();
        String from = address();
        signIn(s.email(), "wrong", from).then().statusCode(400);
        signIn(s.email(), "wrong", from).then().statusCode(400);
        signIn(s.email(), PASSWORD, from).then().statusCode(200);
        assertNull(redis.value(String.class).get(keys.signInFailures("account", s.email())));
        signIn(s.email(), "wrong", from).then().statusCode(400);
        signIn(s.email(), "wrong", from).then().statusCode(400);
        signIn(s.email(), PASSWORD, from).then().statusCode(200);
    }

    @Test
    void anAddressIsLockedAfterFailuresAcrossAccounts() {
        String attacker = "192.0.2.66";
        for (int i = 0; i < 5; i++) {
            signIn("victim" + i + "-" + UUID.randomUUID() + "@example.com", "guess", attacker).then().statusCode(400);
        }
        Api.Session s = Api.newAccount();
        Response refused = signIn(s.email(), PASSWORD, attacker);
        refused.then().statusCode(429);
        assertTrue(Long.parseLong(refused.getHeader("Retry-After")) > 0);
        signIn(s.email(), PASSWORD, "192.0.2.67").then().statusCode(200);
        long ttl = redis.key().ttl(keys.signInFailures("address", attacker));
        assertTrue(ttl > 0 && ttl <= 120, "the window is bounded: " + ttl);
    }
}
