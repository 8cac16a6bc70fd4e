package dev.webui.api.model;

import dev.webui.api.support.FakeOpenAi;
import dev.webui.api.support.Poll;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ModelsTest {
    private static FakeOpenAi first;
    private static FakeOpenAi second;
    private static TestUser admin;

    @BeforeAll
    static void providers() throws Exception {
        first = new FakeOpenAi("sk-first", "gpt-4o", "org/llama:8b");
        second = new FakeOpenAi("sk-second", "mini");
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static TestUser admin() {
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            as(admin).body(Map.of("ENABLE_OPENAI_API", true,
                            "OPENAI_API_BASE_URLS", List.of(first.baseUrl() + "/", second.baseUrl()),
                            "OPENAI_API_KEYS", List.of("sk-first", "sk-second", "extra-key-dropped"),
                            "OPENAI_API_CONFIGS", Map.of("1", Map.of("enable", true, "prefix_id", "two", "tags", List.of(Map.of("name", "cheap"))))))
                    .post("/openai/config/update").then().statusCode(200)
                    .body("OPENAI_API_BASE_URLS", contains(first.baseUrl(), second.baseUrl()))
                    .body("OPENAI_API_KEYS", contains("sk-first", "sk-second"));
        }
        return admin;
    }

    private static Map<String, Object> preset(String id, String baseModelId, Object accessControl) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("base_model_id", baseModelId);
        body.put("name", "Preset " + id);
        body.put("meta", Map.of("description", "d", "tags", List.of(Map.of("name", "team"))));
        body.put("params", Map.of("system", "the secret system prompt", "temperature", 0.2));
        body.put("access_control", accessControl);
        return body;
    }

    @Test
    void adminsSeeEveryConnectionModelWithPrefixesTagsAndIndexes() {
        as(admin()).get("/api/models?refresh=true").then().statusCode(200)
                .body("data.id", hasItem("gpt-4o"))
                .body("data.id", hasItem("org/llama:8b"))
                .body("data.id", hasItem("two.mini"))
                .body("data.find { it.id == 'two.mini' }.urlIdx", equalTo(1))
                .body("data.find { it.id == 'two.mini' }.tags.name", contains("cheap"))
                .body("data.find { it.id == 'two.mini' }.openai.id", equalTo("mini"))
                .body("data.find { it.id == 'gpt-4o' }.object", equalTo("model"))
                .body("data.find { it.id == 'gpt-4o' }.connection_type", equalTo("external"));
        as(admin()).get("/api/models/base").then().statusCode(200).body("data", hasSize(3));
        // the alias of /api/models: the three connection models plus the evaluation arena's default model
        as(admin()).get("/api/v1/models").then().statusCode(200).body("data", hasSize(4)).body("data.id", hasItem("arena-model"));
        as(admin()).get("/openai/config").then().statusCode(200).body("OPENAI_API_CONFIGS.1.prefix_id", equalTo("two"));
    }

    @Test
    void theListIsCachedAndRefreshedOnRequest() {
        as(admin()).get("/api/models?refresh=true").then().statusCode(200);
        int calls = first.modelListCalls.get();
        for (int i = 0; i < 5; i++) {
            as(admin()).get("/api/models").then().statusCode(200).body("data.id", hasItem("gpt-4o"));
        }
        assertEquals(calls, first.modelListCalls.get(), "cached calls do not reach the provider");
        as(admin()).get("/api/models?refresh=true").then().statusCode(200);
        assertEquals(calls + 1, first.modelListCalls.get());
    }

    @Test
    void usersSeeOnlyPresetModelsTheyMayReadAndNeverTheSystemPrompt() {
        TestUser user = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        as(user).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("gpt-4o")));
        as(admin()).body(preset("gpt-4o", null, null)).post("/api/v1/models/create").then().statusCode(200);
        as(user).get("/api/models").then().statusCode(200)
                .body("data.find { it.id == 'gpt-4o' }.name", equalTo("Preset gpt-4o"))
                .body("data.find { it.id == 'gpt-4o' }.info.params.temperature", equalTo(0.2f))
                .body("data.find { it.id == 'gpt-4o' }.info.params", not(hasKey("system")))
                .body("data.find { it.id == 'gpt-4o' }.tags.name", hasItem("team"))
                .body("data.id", not(hasItem("org/llama:8b")));
        as(user).queryParam("id", "gpt-4o").get("/api/v1/models/model").then().statusCode(200)
                .body("params", not(hasKey("system")));
        as(admin()).get("/api/models").then().body("data.find { it.id == 'gpt-4o' }.info.params.system",
                equalTo("the secret system prompt"));

        as(admin()).body(preset("org/llama:8b", null, Map.of())).post("/api/v1/models/create").then().statusCode(200);
        as(user).get("/api/models").then().body("data.id", not(hasItem("org/llama:8b")));
        as(user).queryParam("id", "org/llama:8b").get("/api/v1/models/model").then().statusCode(404);
        Map<String, Object> grant = preset("org/llama:8b", null,
                Map.of("read", Map.of("user_ids", List.of(user.id()), "group_ids", List.of()), "write", Map.of("user_ids", List.of(), "group_ids", List.of())));
        as(admin()).body(grant).queryParam("id", "org/llama:8b").post("/api/v1/models/model/update").then().statusCode(200);
        as(user).get("/api/models").then().body("data.id", hasItem("org/llama:8b"));
        as(other).get("/api/models").then().body("data.id", not(hasItem("org/llama:8b")));
        as(user).body(grant).queryParam("id", "org/llama:8b").post("/api/v1/models/model/update").then().statusCode(401);
        as(other).queryParam("id", "org/llama:8b").delete("/api/v1/models/model/delete").then().statusCode(404);

        String group = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO \"group\" (id, user_id, name, created_at, updated_at) VALUES (?, ?, 'g', 1, 1)", group, admin().id());
        TestUsers.execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, 1)", group, other.id());
        Map<String, Object> groupGrant = preset("org/llama:8b", null,
                Map.of("read", Map.of("user_ids", List.of(), "group_ids", List.of(group)), "write", Map.of("user_ids", List.of(), "group_ids", List.of(group))));
        as(admin()).body(groupGrant).queryParam("id", "org/llama:8b").post("/api/v1/models/model/update").then().statusCode(200);
        awaitVisible(other, "org/llama:8b");
        as(other).queryParam("id", "org/llama:8b").get("/api/v1/models/model").then().statusCode(200)
                .body("params.system", equalTo("the secret system prompt"));
    }

    private static void awaitVisible(TestUser user, String id) {
        Poll.until(id + " visible", Duration.ofSeconds(10),
                () -> as(user).get("/api/models").then().extract().jsonPath().getList("data.id").contains(id));
    }

    @Test
    void customPresetsAreAppendedAndInactiveOnesHidden() {
        as(admin()).body(preset("my-assistant", "gpt-4o", null)).post("/api/v1/models/create").then().statusCode(200)
                .body("base_model_id", equalTo("gpt-4o")).body("is_active", equalTo(true));
        as(admin()).body(preset("my-assistant", "gpt-4o", null)).post("/api/v1/models/create").then().statusCode(400);
        as(admin()).get("/api/models").then()
                .body("data.find { it.id == 'my-assistant' }.preset", equalTo(true))
                .body("data.find { it.id == 'my-assistant' }.urlIdx", equalTo(0));
        as(admin()).queryParam("id", "my-assistant").post("/api/v1/models/model/toggle").then().statusCode(200)
                .body("is_active", equalTo(false));
        as(admin()).get("/api/models").then().body("data.id", not(hasItem("my-assistant")));
        as(admin()).get("/api/v1/models/").then().statusCode(200).body("id", hasItem("my-assistant"))
                .body("find { it.id == 'my-assistant' }.user.id", equalTo(admin().id()));
        as(admin()).queryParam("id", "my-assistant").delete("/api/v1/models/model/delete").then().statusCode(200);
        as(admin()).get("/api/v1/models/").then().body("id", not(hasItem("my-assistant")));
    }

    @Test
    void withoutAnOrderProvidersKeepTheirOrderPresetsFollowAndArenaModelsComeLast() {
        as(admin()).body(preset("aaa-preset", "gpt-4o", null)).post("/api/v1/models/create").then().statusCode(200);
        try {
            List<String> ids = as(admin()).get("/api/models").then().statusCode(200).extract().jsonPath().getList("data.id");
            // by name, "Arena Model" and "Preset aaa-preset" would lead and "mini" would come before "org/llama:8b"
            assertEquals(List.of("gpt-4o", "org/llama:8b", "two.mini"), ids.subList(0, 3), ids.toString());
            assertEquals("arena-model", ids.get(ids.size() - 1), ids.toString());
            int preset = ids.indexOf("aaa-preset");
            assertTrue(preset > 2 && preset < ids.size() - 1, "presets after the providers' models: " + ids);
        } finally {
            as(admin()).queryParam("id", "aaa-preset").delete("/api/v1/models/model/delete").then().statusCode(200);
        }
    }

    @Test
    void modelOrderListSortsTheList() {
        as(admin()).body(Map.of("DEFAULT_MODELS", "gpt-4o", "MODEL_ORDER_LIST", List.of("two.mini", "org/llama:8b")))
                .post("/api/v1/configs/models").then().statusCode(200);
        try {
            List<String> ids = as(admin()).get("/api/models").then().extract().jsonPath().getList("data.id");
            assertEquals(List.of("two.mini", "org/llama:8b"), ids.subList(0, 2));
        } finally {
            as(admin()).body(Map.of("MODEL_ORDER_LIST", List.of())).post("/api/v1/configs/models").then().statusCode(200);
        }
    }

    @Test
    void creatingPresetsNeedsTheWorkspacePermission() {
        TestUser user = TestUsers.create(Roles.USER);
        as(user).body(preset("user-model", "gpt-4o", Map.of())).post("/api/v1/models/create").then().statusCode(401);
        as(user).body(Map.of("id", "x")).post("/api/v1/models/create").then().statusCode(400).body("detail", containsString("name"));
        anonymous().get("/api/v1/models/").then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).get("/api/models").then().statusCode(401);
        as(user).get("/api/models/base").then().statusCode(401);
        as(user).get("/openai/config").then().statusCode(401);
        as(user).body(Map.of("OPENAI_API_BASE_URLS", List.of("http://evil"))).post("/openai/config/update").then().statusCode(401);
    }

    @Test
    void onlyAdminsConfigureAProviderModelItself() {
        TestUser maker = TestUsers.create(Roles.USER);
        String group = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO \"group\" (id, user_id, name, permissions, created_at, updated_at) "
                + "VALUES (?, ?, 'makers', '{\"workspace\":{\"models\":true}}'::jsonb, 1, 1)", group, admin().id());
        TestUsers.execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, 1)", group, maker.id());
        as(maker).body(preset("mini", null, Map.of())).post("/api/v1/models/create").then().statusCode(403)
                .body("detail", containsString("base_model_id"));
        as(admin()).queryParam("id", "mini").get("/api/v1/models/model").then().statusCode(404);
        as(maker).body(preset("maker-model", "mini", Map.of())).post("/api/v1/models/create").then().statusCode(200);
        as(maker).body(preset("maker-model", null, Map.of())).queryParam("id", "maker-model")
                .post("/api/v1/models/model/update").then().statusCode(403);
        as(admin()).queryParam("id", "maker-model").get("/api/v1/models/model").then().body("base_model_id", equalTo("mini"));
        as(admin()).queryParam("id", "maker-model").delete("/api/v1/models/model/delete").then().statusCode(200);
    }

    @Test
    void verifyPassesTheProviderAnswerThrough() {
        as(admin()).body(Map.of("url", first.baseUrl(), "key", "sk-first", "config", Map.of()))
                .post("/openai/verify").then().statusCode(200).body("object", equalTo("list")).body("data.id", hasItem("gpt-4o"));
        as(admin()).body(Map.of("url", first.baseUrl(), "key", "wrong"))
                .post("/openai/verify").then().statusCode(401).body("detail", containsString("Incorrect API key"));
        as(admin()).body(Map.of("url", "http://127.0.0.1:1/v1", "key", "k"))
                .post("/openai/verify").then().statusCode(502).body("detail", containsString("Could not reach"));
        as(admin()).get("/openai/models/1").then().statusCode(200).body("data.id", contains("mini"));
        as(admin()).get("/openai/models/9").then().statusCode(404);
        as(admin()).body(Map.of("OPENAI_API_BASE_URLS", "not-a-list")).post("/openai/config/update").then().statusCode(400);
    }

    @Test
    void ollamaAnswersWhatTheStockUiAsks() {
        as(admin()).get("/ollama/config").then().statusCode(200).body("ENABLE_OLLAMA_API", equalTo(false));
        as(admin()).get("/ollama/api/version").then().statusCode(200).body("version", equalTo(false));
        as(admin()).body(Map.of("ENABLE_OLLAMA_API", false, "OLLAMA_BASE_URLS", List.of("http://localhost:11434")))
                .post("/ollama/config/update").then().statusCode(200).body("OLLAMA_BASE_URLS", contains("http://localhost:11434"));
    }
}
