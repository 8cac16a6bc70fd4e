package dev.webui.api.settings;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Admin pages of the stock UI: code execution, tool servers, arena models; and /memories/ef. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class AdminPagesTest {

    @Test
    void codeExecutionSettingsRoundTripAndReachApiConfig() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).get("/api/v1/configs/code_execution").then().statusCode(200)
                .body("ENABLE_CODE_EXECUTION", equalTo(true)).body("CODE_EXECUTION_ENGINE", equalTo("pyodide"))
                .body("CODE_EXECUTION_JUPYTER_TIMEOUT", equalTo(60)).body("CODE_INTERPRETER_ENGINE", equalTo("pyodide"))
                .body("CODE_INTERPRETER_PROMPT_TEMPLATE", equalTo(""));
        as(admin).body(Map.of("CODE_EXECUTION_ENGINE", "jupyter", "CODE_EXECUTION_JUPYTER_URL", "http://jupyter:8888",
                        "CODE_EXECUTION_JUPYTER_TIMEOUT", 120, "ENABLE_CODE_INTERPRETER", false))
                .post("/api/v1/configs/code_execution").then().statusCode(200)
                .body("CODE_EXECUTION_ENGINE", equalTo("jupyter")).body("CODE_EXECUTION_JUPYTER_URL", equalTo("http://jupyter:8888"))
                .body("CODE_EXECUTION_JUPYTER_TIMEOUT", equalTo(120)).body("ENABLE_CODE_INTERPRETER", equalTo(false))
                .body("ENABLE_CODE_EXECUTION", equalTo(true));
        as(TestUsers.create(Roles.USER)).get("/api/config").then().body("code.engine", equalTo("jupyter"))
                .body("features.enable_code_interpreter", equalTo(false));

        as(admin).body(Map.of("CODE_EXECUTION_ENGINE", "docker")).post("/api/v1/configs/code_execution").then().statusCode(400)
                .body("detail", containsString("CODE_EXECUTION_ENGINE"));
        as(admin).body(Map.of("CODE_EXECUTION_JUPYTER_TIMEOUT", "soon")).post("/api/v1/configs/code_execution").then().statusCode(400)
                .body("detail", containsString("CODE_EXECUTION_JUPYTER_TIMEOUT"));
        as(admin).body(Map.of("ENABLE_CODE_EXECUTION", "yes", "CODE_EXECUTION_ENGINE", "pyodide"))
                .post("/api/v1/configs/code_execution").then().statusCode(400).body("detail", containsString("ENABLE_CODE_EXECUTION"));
        as(admin).get("/api/v1/configs/code_execution").then().body("CODE_EXECUTION_ENGINE", equalTo("jupyter"));
        as(admin).body("[1]").post("/api/v1/configs/code_execution").then().statusCode(400).body("detail", not(equalTo("")));
    }

    @Test
    void toolServerConnectionsRoundTripAndBadOnesAreRefused() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).get("/api/v1/configs/tool_servers").then().statusCode(200).body("TOOL_SERVER_CONNECTIONS", equalTo(List.of()));
        Map<String, Object> server = Map.of("url", "http://tools.internal", "path", "openapi.json", "type", "openapi",
                "auth_type", "bearer", "key", "k", "config", Map.of("enable", true));
        as(admin).body(Map.of("TOOL_SERVER_CONNECTIONS", List.of(server))).post("/api/v1/configs/tool_servers").then().statusCode(200)
                .body("TOOL_SERVER_CONNECTIONS.url", hasItem("http://tools.internal"));
        as(admin).get("/api/v1/configs/tool_servers").then().body("TOOL_SERVER_CONNECTIONS[0].config.enable", equalTo(true));

        as(admin).body(Map.of("TOOL_SERVER_CONNECTIONS", "http://x")).post("/api/v1/configs/tool_servers").then().statusCode(400)
                .body("detail", containsString("TOOL_SERVER_CONNECTIONS"));
        as(admin).body(Map.of("TOOL_SERVER_CONNECTIONS", List.of(Map.of("path", "x")))).post("/api/v1/configs/tool_servers")
                .then().statusCode(400).body("detail", containsString("url"));
        as(admin).body(Map.of("TOOL_SERVER_CONNECTIONS", List.of(Map.of("url", "http://x", "type", "soap"))))
                .post("/api/v1/configs/tool_servers").then().statusCode(400).body("detail", containsString("type"));
        as(admin).get("/api/v1/configs/tool_servers").then().body("TOOL_SERVER_CONNECTIONS.url", hasItem("http://tools.internal"));
    }

    @Test
    void onlyAdminsReachTheAdminPages() {
        TestUser user = TestUsers.create(Roles.USER);
        for (String path : List.of("/api/v1/configs/code_execution", "/api/v1/configs/tool_servers")) {
            as(user).get(path).then().statusCode(401).body("detail", not(equalTo("")));
            as(user).body(Map.of()).post(path).then().statusCode(401);
            as(TestUsers.create(Roles.PENDING)).get(path).then().statusCode(401);
            anonymous().get(path).then().statusCode(403);
        }
    }

    @Test
    void arenaModelsFollowTheEvaluationConfigAndTheirAccessControl() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        as(admin).get("/api/models").then().statusCode(200)
                .body("data.find { it.id == 'arena-model' }.arena", equalTo(true))
                .body("data.find { it.id == 'arena-model' }.owned_by", equalTo("arena"))
                .body("data.find { it.id == 'arena-model' }.name", equalTo("Arena Model"));
        as(user).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("arena-model")));

        Map<String, Object> open = Map.of("id", "duel", "name", "Duel", "meta", Map.of("model_ids", List.of("a", "b"),
                "access_control", Map.of("read", Map.of("user_ids", List.of(user.id()), "group_ids", List.of()))));
        as(admin).body(Map.of("ENABLE_EVALUATION_ARENA_MODELS", true, "EVALUATION_ARENA_MODELS", List.of(open)))
                .post("/api/v1/evaluations/config").then().statusCode(200).body("EVALUATION_ARENA_MODELS.id", hasItem("duel"));
        as(user).get("/api/models").then().body("data.find { it.id == 'duel' }.info.meta.model_ids", equalTo(List.of("a", "b")))
                .body("data.id", not(hasItem("arena-model")));
        as(other).get("/api/models").then().body("data.id", not(hasItem("duel")));

        as(admin).body(Map.of("EVALUATION_ARENA_MODELS", List.of(Map.of("name", "no id")))).post("/api/v1/evaluations/config")
                .then().statusCode(400).body("detail", containsString("EVALUATION_ARENA_MODELS"));
        as(user).body(Map.of("ENABLE_EVALUATION_ARENA_MODELS", false)).post("/api/v1/evaluations/config").then().statusCode(401);
        as(admin).body(Map.of("ENABLE_EVALUATION_ARENA_MODELS", false)).post("/api/v1/evaluations/config").then().statusCode(200);
        as(admin).get("/api/models").then().body("data.id", not(hasItem("duel")));
    }

    @Test
    void memoryEmbeddingTestAnswersWithoutAnEmbeddingModel() {
        as(TestUsers.create(Roles.USER)).get("/api/v1/memories/ef").then().statusCode(200).body("result", equalTo(List.of()));
        anonymous().get("/api/v1/memories/ef").then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).get("/api/v1/memories/ef").then().statusCode(401);
    }
}
