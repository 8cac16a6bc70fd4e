package dev.webui.api.relay;

import dev.webui.api.completion.CompletionTestProfile;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** /openai/{path} and /api/embeddings against a fake provider. */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class RelayTest {
    private static FakeProvider provider;
    private static TestUser admin;
    private static TestUser user;

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeProvider();
    }

    @AfterAll
    static void stop() {
        provider.close();
        admin = null;
    }

    @BeforeEach
    void connect() {
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            user = TestUsers.create(Roles.USER);
        }
        connectTo(provider.baseUrl());
    }

    private static void connectTo(String url) {
        as(admin).body(Map.of("ENABLE_OPENAI_API", true, "OPENAI_API_BASE_URLS", List.of(url),
                "OPENAI_API_KEYS", List.of(FakeProvider.KEY), "OPENAI_API_CONFIGS",
                Map.of("0", Map.of("enable", true, "prefix_id", "p", "model_ids", List.of("text-embedding-fake")))))
                .post("/openai/config/update").then().statusCode(200);
    }

    @Test
    void passThroughRelaysEveryMethodWithTheConnectionsKey() {
        as(user).get("/openai/files?purpose=batch&limit=2").then().statusCode(200).body("query", equalTo("purpose=batch&limit=2"));
        as(user).body(Map.of("a", 1)).put("/openai/things/1").then().statusCode(200)
                .body("method", equalTo("PUT")).body("body", equalTo("{\"a\":1}"));
        as(user).delete("/openai/things/1").then().statusCode(200).body("method", equalTo("DELETE"));
        as(user).get("/openai/nothing").then().statusCode(404).body("error.message", equalTo("no route GET /v1/nothing"));
        anonymous().get("/openai/files").then().statusCode(401).body("detail", equalTo("Not authenticated"));
    }

    @Test
    void passThroughStreamsEventsAndLargeBodies() {
        String sse = as(user).body(Map.of("stream", true)).post("/openai/stream").then().statusCode(200)
                .header("Content-Type", startsWith("text/event-stream")).extract().asString();
        assertEquals("data: {\"n\":0}\n\ndata: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n", sse);
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        as(user).contentType("application/octet-stream").body(big).post("/openai/count").then().statusCode(200)
                .body("received", equalTo(big.length));
    }

    @Test
    void ownEndpointsUnderOpenaiAreNotPassedThrough() {
        as(admin).get("/openai/config").then().statusCode(200).body("OPENAI_API_BASE_URLS[0]", equalTo(provider.baseUrl()));
        as(user).get("/openai/config").then().statusCode(401);
    }

    @Test
    void providerFailuresAre502() {
        as(user).get("/openai/boom").then().statusCode(502).body("error.message", equalTo("exploded"));
        connectTo("http://127.0.0.1:1/v1");
        try {
            as(user).get("/openai/files").then().statusCode(502).body("detail", containsString("Could not reach"));
            as(admin).body(Map.of("model", "p.text-embedding-fake", "input", "hi")).post("/api/embeddings").then().statusCode(502);
        } finally {
            connectTo(provider.baseUrl());
        }
    }

    @Test
    void embeddingsGoToTheModelsConnectionWithTheProvidersId() {
        as(admin).body(Map.of("model", "p.text-embedding-fake", "input", "hello", "metadata", Map.of("x", 1)))
                .post("/api/embeddings").then().statusCode(200)
                .body("data[0].embedding[1]", equalTo(-0.5f)).body("model", equalTo("text-embedding-fake"))
                .body("echo.input", equalTo("hello")).body("echo.metadata", equalTo(null));
        as(admin).body(Map.of("model", "p.text-embedding-fake", "input", List.of("a", "b")))
                .post("/api/v1/embeddings").then().statusCode(200);
    }

    @Test
    void embeddingsRefuseBadInputAndModelsTheCallerCannotUse() {
        as(user).body(Map.of("model", "p.text-embedding-fake", "input", "hi")).post("/api/embeddings").then()
                .statusCode(400).body("detail", equalTo("Model not found"));
        as(admin).body(Map.of("input", "hi")).post("/api/embeddings").then().statusCode(400).body("detail", equalTo("'model' is required"));
        as(admin).body("[1]").post("/api/embeddings").then().statusCode(400);
        as(admin).body(Map.of("model", "nope", "input", "hi")).post("/api/embeddings").then().statusCode(400);
        anonymous().body(Map.of("model", "p.text-embedding-fake")).post("/api/embeddings").then().statusCode(401);
    }
}
