package dev.webui.api.task;

import dev.webui.api.completion.CompletionTestProfile;
import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeLlm;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/tasks/auto/completions and /moa/completions against the fake provider. */
@QuarkusTest
@TestProfile(CompletionTestProfile.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class AutocompleteAndMoaTest {
    private static FakeLlm llm;
    private static TestUser admin;
    private static TestUser user;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeLlm();
    }

    @AfterAll
    static void stop() {
        llm.close();
        admin = null;
    }

    @BeforeEach
    void connect() {
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            user = TestUsers.create(Roles.USER);
            CompletionFixture.connect(admin, llm.baseUrl());
            CompletionFixture.helperPreset(admin, Map.of());
        }
    }

    private static String lastPrompt() {
        JsonObject request = llm.requests.get(llm.requests.size() - 1);
        return request.getJsonArray("messages").getJsonObject(0).getString("content");
    }

    @Test
    void autocompletionAsksTheModelWithTheTypeTextAndConversation() {
        as(user).body(Map.of("model", CompletionFixture.PRESET, "prompt", "Top rated pizza in", "type", "search query", "stream", false,
                        "messages", List.of(Map.of("role", "user", "content", "I am in Naples"))))
                .post("/api/v1/tasks/auto/completions").then().statusCode(200)
                .body("choices[0].message.content", equalTo("Hello world!"));
        String prompt = lastPrompt();
        assertTrue(prompt.contains("<type>search query</type>"), prompt);
        assertTrue(prompt.contains("<text>Top rated pizza in</text>"), prompt);
        assertTrue(prompt.contains("USER: I am in Naples"), prompt);
        assertTrue(prompt.contains("{\"text\": "), prompt);
        assertEquals(false, llm.requests.get(llm.requests.size() - 1).getBoolean("stream"));
    }

    @Test
    void autocompletionRefusals() {
        as(user).body(Map.of("model", "gpt-fake", "prompt", "abc")).post("/api/v1/tasks/auto/completions").then()
                .statusCode(400).body("detail", equalTo("Model not found"));
        as(user).body(Map.of("prompt", "abc")).post("/api/v1/tasks/auto/completions").then().statusCode(400);
        as(admin).body(Map.of("AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH", 5)).post("/api/v1/tasks/config/update").then().statusCode(200);
        try {
            as(user).body(Map.of("model", CompletionFixture.PRESET, "prompt", "longer than five")).post("/api/v1/tasks/auto/completions")
                    .then().statusCode(400).body("detail", equalTo("Input prompt exceeds maximum length of 5"));
            as(admin).body(Map.of("ENABLE_AUTOCOMPLETE_GENERATION", false)).post("/api/v1/tasks/config/update").then().statusCode(200);
            as(user).body(Map.of("model", CompletionFixture.PRESET, "prompt", "abc")).post("/api/v1/tasks/auto/completions")
                    .then().statusCode(400).body("detail", equalTo("Autocompletion generation is disabled"));
        } finally {
            as(admin).body(Map.of("AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH", -1, "ENABLE_AUTOCOMPLETE_GENERATION", true))
                    .post("/api/v1/tasks/config/update").then().statusCode(200);
        }
    }

    @Test
    void moaStreamsTheMergedAnswerAsOpenAiEvents() {
        String sse = as(user).body(Map.of("model", CompletionFixture.PRESET, "prompt", "Why is the sky blue?",
                        "responses", List.of("Rayleigh scattering.", "Because of the air."), "stream", true))
                .post("/api/v1/tasks/moa/completions").then().statusCode(200).extract().asString();
        assertTrue(sse.contains("\"content\":\"Hello\""), sse);
        assertTrue(sse.strip().endsWith("data: [DONE]"), sse);
        String prompt = lastPrompt();
        assertTrue(prompt.contains("\"Why is the sky blue?\""), prompt);
        assertTrue(prompt.contains("\"\"\"Rayleigh scattering.\"\"\"\n\n\"\"\"Because of the air.\"\"\""), prompt);
        assertEquals(CompletionFixture.MODEL, llm.requests.get(llm.requests.size() - 1).getString("model"));
    }

    @Test
    void moaRefusals() {
        as(user).body(Map.of("model", CompletionFixture.PRESET, "prompt", "q", "responses", "x"))
                .post("/api/v1/tasks/moa/completions").then().statusCode(400).body("detail", equalTo("'responses' must be a list of texts"));
        as(user).body(Map.of("model", CompletionFixture.PRESET, "responses", List.of("a")))
                .post("/api/v1/tasks/moa/completions").then().statusCode(400).body("detail", equalTo("'prompt' is required"));
        as(user).body(Map.of("model", "gpt-fake", "prompt", "q", "responses", List.of("a")))
                .post("/api/v1/tasks/moa/completions").then().statusCode(400).body("detail", equalTo("Model not found"));
        as(user).body("{").post("/api/v1/tasks/moa/completions").then().statusCode(400);
        as(null).body(Map.of("model", "x")).post("/api/v1/tasks/moa/completions").then().statusCode(401);
        as(user).body(Map.of("model", CompletionFixture.PRESET, "prompt", "status:500", "responses", List.of("a"), "stream", false))
                .post("/api/v1/tasks/moa/completions").then().statusCode(200);
    }
}
