package dev.webui.auth.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.auth.Api;
import dev.webui.common.auth.JwtService;
import dev.webui.common.auth.TokenRevocation;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static dev.webui.auth.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session check's answer at once ({@link SessionCheck#ready}): the same answer as the full way,
 * and never given once another replica signed the token out, changed or deleted the user, or while
 * the revocation list cannot be trusted.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SessionCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    SessionCheck check;
    @Inject
    SessionCheckRoute route;
    @Inject
    TokenRevocation revocation;
    @Inject
    JwtService jwt;
    @Inject
    ObjectMapper mapper;
    @Inject
    RedisKeys keys;
    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void aSeenSessionIsAnsweredAtOnceWithTheFullWaysAnswer() {
        Api.Session user = Api.newAccount("user");
        assertNull(check.ready(user.token()), "a token this replica has not verified yet goes the full way");
        long before = route.answered();
        Response full = as(user.token()).get("/api/v1/auths/");
        full.then().statusCode(200);
        assertEquals(before, route.answered(), "the first check is the REST endpoint's");

        SessionAnswers.Answer ready = check.ready(user.token());
        assertNotNull(ready, "everything is at hand after one check");
        assertEquals(full.body().asString(), new String(ready.body(), StandardCharsets.UTF_8));
        assertEquals(full.header("Set-Cookie"), ready.cookie());
        for (String path : new String[] {"/api/v1/auths/", "/api/v1/auths"}) {
            Response fast = as(user.token()).get(path);
            assertEquals(200, fast.statusCode(), path);
            assertEquals(full.body().asString(), fast.body().asString(), path);
            assertEquals(full.header("Set-Cookie"), fast.header("Set-Cookie"), path);
            assertEquals(full.contentType(), fast.contentType(), path);
        }
        assertEquals(before + 2, route.answered(), "repeated checks are answered by the route");
        // the HTTP metrics name them by the endpoint's template, as the endpoint's own answers
        String metrics = Api.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/auths\""), "session check template in the metrics");
    }

    @Test
    void whatTheRouteShouldNotAnswerGoesToTheEndpoint() {
        Api.Session user = Api.newAccount("user");
        as(user.token()).get("/api/v1/auths/").then().statusCode(200);
        assertNotNull(check.ready(user.token()));
        long before = route.answered();
        as(user.token()).accept("text/html").get("/api/v1/auths/").then().statusCode(406);
        as(user.token()).get("/api/v1/auths/?x=1").then().statusCode(200).body("id", equalTo(user.id()));
        Api.anonymous().get("/api/v1/auths/").then().statusCode(403);
        Api.anonymous().header("Authorization", "Bearer not-a-token").get("/api/v1/auths/").then().statusCode(401);
        assertEquals(before, route.answered());
    }

    @Test
    void aSignOutOnAnotherReplicaEndsTheSessionHere() throws Exception {
        Api.Session user = Api.newAccount("user");
        as(user.token()).get("/api/v1/auths/").then().statusCode(200);
        assertNotNull(check.ready(user.token()));

        // what another replica's sign-out sends: the token's revocation id on the channel
        String id = jwt.verify(user.token()).orElseThrow().revocationId();
        redis.pubsub(String.class).publish(keys.revocationChannel(), mapper.writeValueAsString(Map.of("id", id)))
                .await().atMost(WAIT);
        await().atMost(WAIT).until(() -> check.ready(user.token()) == null);
        as(user.token()).get("/api/v1/auths/").then().statusCode(401);
    }

    @Test
    void aRoleChangeOrDeletionOnAnotherReplicaIsSeenHere() {
        Api.Session user = Api.newAccount("user");
        as(user.token()).get("/api/v1/auths/").then().statusCode(200).body("role", equalTo("user"));
        assertNotNull(check.ready(user.token()));

        // another replica writes the row, then announces it
        Api.queryOne("UPDATE \"user\" SET role = 'admin' WHERE id = ? RETURNING id", user.id());
        announce(user.id());
        await().atMost(WAIT).until(() -> check.ready(user.token()) == null);
        as(user.token()).get("/api/v1/auths/").then().statusCode(200).body("role", equalTo("admin"));

        Api.queryOne("DELETE FROM \"user\" WHERE id = ? RETURNING id", user.id());
        announce(user.id());
        await().atMost(WAIT).until(() -> check.ready(user.token()) == null);
        as(user.token()).get("/api/v1/auths/").then().statusCode(401);
    }

    @Test
    void withoutATrustedRevocationListNothingIsAnsweredAtOnce() {
        Api.Session user = Api.newAccount("user");
        as(user.token()).get("/api/v1/auths/").then().statusCode(200);
        assertNotNull(check.ready(user.token()));
        revocation.stop();
        try {
            assertNull(check.ready(user.token()));
            as(user.token()).get("/api/v1/auths/").then().statusCode(503);
        } finally {
            revocation.start();
        }
        await().atMost(WAIT).until(() -> as(user.token()).get("/api/v1/auths/").statusCode() == 200);
        assertNotNull(check.ready(user.token()));
    }

    @Test
    void anApiKeyGoesTheFullWayAndGetsNoCookie() {
        Api.Session user = Api.newAccount("user");
        String key = as(user.token()).post("/api/v1/auths/api_key").then().statusCode(200).extract().path("api_key");
        as(key).get("/api/v1/auths/").then().statusCode(200).body("id", equalTo(user.id()));
        Response again = as(key).get("/api/v1/auths/");
        again.then().statusCode(200).body("token", equalTo(key));
        assertNull(again.header("Set-Cookie"));
        assertNull(check.ready(key));
    }

    private void announce(String userId) {
        redis.pubsub(String.class).publish(keys.userChangedChannel(), userId).await().atMost(WAIT);
    }
}
