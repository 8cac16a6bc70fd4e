package dev.webui.common.auth;

import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.common.testing.TokenSpellings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class TokenAuthenticationTest {
    @Inject
    TokenRevocation revocation;
    @Inject
    UserChangeNotifier notifier;
    @Inject
    io.quarkus.redis.datasource.ReactiveRedisDataSource redis;
    @Inject
    dev.webui.common.redis.RedisKeys keys;

    @Test
    void noTokenIsNotAuthenticated() {
        given().get("/probe/verified").then().statusCode(403).body("detail", equalTo("Not authenticated"));
        given().get("/probe/any").then().statusCode(403).body("detail", equalTo("Not authenticated"));
    }

    @Test
    void validBearerTokenIdentifiesTheUser() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.token()).get("/probe/verified")
                .then().statusCode(200).body("id", equalTo(user.id())).body("role", equalTo("user"));
    }

    @Test
    void tokenCookieIsAcceptedAndHeaderWinsOverIt() {
        TestUser user = TestUsers.create("user");
        TestUser other = TestUsers.create("user");
        given().cookie("token", user.token()).get("/probe/verified").then().statusCode(200).body("id", equalTo(user.id()));
        given().auth().oauth2(other.token()).cookie("token", user.token()).get("/probe/verified")
                .then().statusCode(200).body("id", equalTo(other.id()));
        given().auth().oauth2("garbage").cookie("token", user.token()).get("/probe/verified").then().statusCode(401);
    }

    @Test
    void expiredTokenIsRejected() {
        TestUser user = TestUsers.create("user");
        String expired = TestUsers.jwt().issue(user.id(), Optional.of(Instant.now().minusSeconds(5)));
        given().auth().oauth2(expired).get("/probe/verified")
                .then().statusCode(401).body("detail", not(emptyOrNullString()));
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        TestUser user = TestUsers.create("user");
        String forged = new JwtService("not-the-secret").issue(user.id(), Optional.empty());
        given().auth().oauth2(forged).get("/probe/verified").then().statusCode(401).body("detail", not(emptyOrNullString()));
    }

    @Test
    void tokenOfUnknownUserIsRejected() {
        String token = TestUsers.jwt().issue("00000000-0000-4000-8000-000000000000", Optional.empty());
        given().auth().oauth2(token).get("/probe/verified").then().statusCode(401);
    }

    @Test
    void invalidTokenOnPublicEndpointIsAnonymous() {
        given().auth().oauth2("not-a-jwt").get("/probe/public").then().statusCode(200).body("user_id", equalTo(""));
        given().get("/probe/public").then().statusCode(200).body("user_id", equalTo(""));
        TestUser user = TestUsers.create("user");
        given().cookie("token", user.token()).get("/probe/public").then().statusCode(200).body("user_id", equalTo(user.id()));
    }

    @Test
    void revokedTokenIsRejected() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(200);
        revocation.revoke(TestUsers.jwt().verify(user.token()).orElseThrow()).await().indefinitely();
        given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(401);
        given().cookie("token", user.token()).get("/probe/any").then().statusCode(401);
        for (String respelled : TokenSpellings.respelled(user.token())) {
            given().auth().oauth2(respelled).get("/probe/verified").then().statusCode(401);
            given().cookie("token", respelled).get("/probe/any").then().statusCode(401);
        }
    }

    @Test
    void apiKeyAuthenticates() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.apiKey()).get("/probe/verified").then().statusCode(200).body("id", equalTo(user.id()));
        given().auth().oauth2("sk-00000000000000000000000000000000").get("/probe/verified").then().statusCode(401);
    }

    @Test
    void apiKeysFollowTheAdminSettingOnceAChangeIsAnnounced() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.apiKey()).get("/probe/verified").then().statusCode(200);
        TestUsers.execute("INSERT INTO config (data) VALUES ('{\"version\": 0, \"auth\": {\"api_key\": {\"enable\": false}}}'::jsonb)");
        try {
            redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed").await().indefinitely();
            await403(user.apiKey());
            given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(200); // JWTs are unaffected
        } finally {
            TestUsers.execute("DELETE FROM config");
            redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed").await().indefinitely();
        }
    }

    private static void await403(String apiKey) {
        await("the API key is refused").atMost(Duration.ofSeconds(5))
                .until(() -> given().auth().oauth2(apiKey).get("/probe/verified").statusCode() == 403);
        given().auth().oauth2(apiKey).get("/probe/verified").then().body("detail", containsString("disabled"));
    }

    @Test
    void pendingUserMayOnlyReachAnyRoleEndpoints() {
        TestUser pending = TestUsers.create("pending");
        given().auth().oauth2(pending.token()).get("/probe/any").then().statusCode(200).body("role", equalTo("pending"));
        given().auth().oauth2(pending.token()).get("/probe/verified").then().statusCode(401).body("detail", not(emptyOrNullString()));
        given().auth().oauth2(pending.token()).get("/probe/admin").then().statusCode(401);
    }

    @Test
    void adminEndpointsRefuseUsers() {
        TestUser user = TestUsers.create("user");
        TestUser admin = TestUsers.create("admin");
        given().auth().oauth2(user.token()).get("/probe/admin").then().statusCode(401);
        given().auth().oauth2(admin.token()).get("/probe/admin").then().statusCode(200).body("id", equalTo(admin.id()));
    }

    @Test
    void roleChangeIsSeenAfterAnnouncement() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.token()).get("/probe/admin").then().statusCode(401);
        TestUsers.execute("UPDATE \"user\" SET role = 'admin' WHERE id = ?", user.id());
        // still cached until someone announces the change
        given().auth().oauth2(user.token()).get("/probe/admin").then().statusCode(401);
        notifier.userChanged(user.id()).await().indefinitely();
        given().auth().oauth2(user.token()).get("/probe/admin").then().statusCode(200);
    }

    @Test
    void deletedUserIsRejectedAfterAnnouncement() {
        TestUser user = TestUsers.create("user");
        given().auth().oauth2(user.apiKey()).get("/probe/verified").then().statusCode(200);
        TestUsers.execute("DELETE FROM \"user\" WHERE id = ?", user.id());
        notifier.userChanged(user.id()).await().indefinitely();
        given().auth().oauth2(user.token()).get("/probe/verified").then().statusCode(401);
        given().auth().oauth2(user.apiKey()).get("/probe/verified").then().statusCode(401);
    }
}
