package dev.webui.api.http;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kept answers given from the router are the REST endpoints' answers, byte for byte and with
 * the same status and media type, and every request they should not take goes on to the endpoint.
 * (Their invalidation is the caches': ConfigAnswers, ModelListCache and ChatListCacheTest read
 * through HTTP, so their repeated reads come from here.)
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ReadyAnswersTest {
    @Inject
    ReadyAnswers ready;

    @Test
    void aRepeatedReadIsAnsweredFromTheRouterWithTheEndpointsAnswer() {
        TestUser user = TestUsers.create(Roles.USER);
        as(user).body(Map.of("chat", Map.of("title", "Kept"))).post("/api/v1/chats/new").then().statusCode(200);
        for (String path : new String[] {"/api/config", "/api/models", "/api/v1/chats/?page=1", "/api/v1/chats/?include_folders=true"}) {
            // a media range this route leaves to the endpoint; the endpoint keeps its answer
            Response fromEndpoint = answeredElsewhere(() -> as(user).accept("application/*").get(path));
            Response fromRouter = answeredHere(() -> as(user).get(path));
            assertEquals(200, fromEndpoint.statusCode(), path);
            assertEquals(fromEndpoint.statusCode(), fromRouter.statusCode(), path);
            assertEquals(fromEndpoint.contentType(), fromRouter.contentType(), path);
            assertArrayEquals(fromEndpoint.asByteArray(), fromRouter.asByteArray(), path);
        }
        assertEquals("Kept", as(user).get("/api/v1/chats/?page=1").jsonPath().getString("[0].title"));
        // the HTTP metrics name these requests by the endpoint's template, as for the endpoint's own answers
        String metrics = anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/chats\"") && !metrics.contains("uri=\"/api/v1/chats/\""), "chat list template");
    }

    @Test
    void anonymousConfigIsAnsweredFromTheRouterButABadTokenGoesToTheEndpoint() {
        anonymous().get("/api/config").then().statusCode(200);
        byte[] kept = answeredHere(() -> anonymous().get("/api/config")).asByteArray();
        // an invalid token is anonymous there too, but only the endpoint decides that
        Response badToken = answeredElsewhere(() -> anonymous().header("Authorization", "Bearer not-a-token").get("/api/config"));
        assertArrayEquals(kept, badToken.asByteArray());
    }

    @Test
    void callersAndQueriesTheEndpointMustJudgeGoThere() {
        TestUser pending = TestUsers.create(Roles.PENDING);
        TestUser user = TestUsers.create(Roles.USER);
        as(user).get("/api/models").then().statusCode(200);
        as(user).get("/api/v1/chats/?page=1").then().statusCode(200);
        as(pending).get("/api/config").then().statusCode(200);

        // refused by the endpoints as the contract says: a pending caller 401, no token 403
        for (int round = 0; round < 5; round++) {
            assertEquals(401, answeredElsewhere(() -> as(pending).get("/api/models")).statusCode(), "pending, round " + round);
            assertEquals(401, answeredElsewhere(() -> as(pending).get("/api/v1/chats/?page=1")).statusCode(), "pending, round " + round);
            assertEquals(403, answeredElsewhere(() -> anonymous().get("/api/models")).statusCode(), "anonymous, round " + round);
        }
        assertEquals(400, answeredElsewhere(() -> as(user).get("/api/v1/chats/?page=0")).statusCode());
        assertEquals(200, answeredElsewhere(() -> as(user).get("/api/v1/chats/?page=1&page=2")).statusCode());
        assertEquals(200, answeredElsewhere(() -> as(user).get("/api/models?refresh=true")).statusCode());
        assertEquals(406, answeredElsewhere(() -> as(user).accept("text/html").get("/api/models")).statusCode());
        assertEquals(200, answeredElsewhere(() -> as(user).header("Authorization", "Bearer " + user.apiKey()).get("/api/config")).statusCode());
        // and the pending caller's own config is kept
        answeredHere(() -> as(pending).get("/api/config"));
    }

    private Response answeredHere(Supplier<Response> request) {
        long before = ready.answered();
        Response response = request.get();
        assertEquals(before + 1, ready.answered(), "answered from the router");
        return response;
    }

    private Response answeredElsewhere(Supplier<Response> request) {
        long before = ready.answered();
        Response response = request.get();
        assertEquals(before, ready.answered(), "answered by the endpoint");
        return response;
    }
}
