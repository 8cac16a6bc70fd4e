package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.support.FakeOpenAi;
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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin pages of the stock UI: code execution, tool servers, arena models, audio, images, pipelines; and /memories/ef. */
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

    // The settings the stock v0.6.32 Audio, Images and Pipelines pages load and save: every field the
    // pages read, with its type, Open WebUI's defaults, and whole-form round trips.

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TTS = List.of("OPENAI_API_BASE_URL", "OPENAI_API_KEY", "API_KEY", "ENGINE", "MODEL", "VOICE",
            "SPLIT_ON", "AZURE_SPEECH_REGION", "AZURE_SPEECH_BASE_URL", "AZURE_SPEECH_OUTPUT_FORMAT");
    private static final List<String> STT_TEXT = List.of("OPENAI_API_BASE_URL", "OPENAI_API_KEY", "ENGINE", "MODEL", "WHISPER_MODEL",
            "DEEPGRAM_API_KEY", "AZURE_API_KEY", "AZURE_REGION", "AZURE_LOCALES", "AZURE_BASE_URL", "AZURE_MAX_SPEAKERS");

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void audioSettingsHaveTheStockShapeAndRoundTrip() throws Exception {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        JsonNode config = read(as(admin).get("/api/v1/audio/config").then().statusCode(200).extract().asString());
        TTS.forEach(key -> assertTrue(config.at("/tts/" + key).isTextual(), "tts." + key + ": " + config));
        STT_TEXT.forEach(key -> assertTrue(config.at("/stt/" + key).isTextual(), "stt." + key + ": " + config));
        assertTrue(config.at("/stt/SUPPORTED_CONTENT_TYPES").isArray(), config.toString());
        assertEquals("", config.at("/tts/ENGINE").asText());
        assertEquals("tts-1", config.at("/tts/MODEL").asText());
        assertEquals("alloy", config.at("/tts/VOICE").asText());
        assertEquals("punctuation", config.at("/tts/SPLIT_ON").asText());
        assertEquals("audio-24khz-160kbitrate-mono-mp3", config.at("/tts/AZURE_SPEECH_OUTPUT_FORMAT").asText());
        assertEquals("base", config.at("/stt/WHISPER_MODEL").asText());

        // the page posts every field back; an empty content-type box arrives as [""]
        ObjectNode form = config.deepCopy();
        ObjectNode tts = (ObjectNode) form.get("tts");
        ObjectNode stt = (ObjectNode) form.get("stt");
        TTS.forEach(key -> tts.put(key, "tts " + key.toLowerCase()));
        STT_TEXT.forEach(key -> stt.put(key, "stt " + key.toLowerCase()));
        tts.put("ENGINE", "openai");
        stt.put("ENGINE", "web");
        stt.putArray("SUPPORTED_CONTENT_TYPES").add("audio/wav").add("").add("audio/mpeg");
        JsonNode saved = read(as(admin).body(form.toString()).post("/api/v1/audio/config/update").then().statusCode(200).extract().asString());
        JsonNode reread = read(as(admin).get("/api/v1/audio/config").then().statusCode(200).extract().asString());
        stt.putArray("SUPPORTED_CONTENT_TYPES").add("audio/wav").add("audio/mpeg");
        assertEquals(form, saved);
        assertEquals(form, reread);
        as(TestUsers.create(Roles.USER)).get("/api/config").then().body("audio.tts.engine", equalTo("openai"))
                .body("audio.stt.engine", equalTo("web"));

        // the page lists the engine's models and voices once an engine other than the browser's is chosen
        as(TestUsers.create(Roles.USER)).get("/api/v1/audio/models").then().statusCode(200)
                .body("models.id", equalTo(List.of("tts-1", "tts-1-hd")));
        as(admin).get("/api/v1/audio/voices").then().statusCode(200)
                .body("voices.id", equalTo(List.of("alloy", "echo", "fable", "onyx", "nova", "shimmer")))
                .body("voices[0].name", equalTo("alloy"));
        as(admin).body(Map.of("tts", Map.of("ENGINE", 3))).post("/api/v1/audio/config/update").then().statusCode(400)
                .body("detail", containsString("ENGINE"));
        as(admin).body(Map.of("stt", "web")).post("/api/v1/audio/config/update").then().statusCode(400).body("detail", containsString("stt"));
        as(admin).get("/api/v1/audio/config").then().body("tts.ENGINE", equalTo("openai"));
        as(admin).body(Map.of("tts", Map.of("ENGINE", "azure"))).post("/api/v1/audio/config/update").then().statusCode(200);
        as(admin).get("/api/v1/audio/voices").then().statusCode(200).body("voices", hasSize(0));
    }

    @Test
    void imageSettingsHaveTheStockShapeAndRoundTrip() throws Exception {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        JsonNode config = read(as(admin).get("/api/v1/images/config").then().statusCode(200).extract().asString());
        assertTrue(config.get("enabled").isBoolean() && config.get("prompt_generation").isBoolean(), config.toString());
        assertEquals("openai", config.get("engine").asText());
        for (String key : List.of("/openai/OPENAI_API_BASE_URL", "/openai/OPENAI_API_VERSION", "/openai/OPENAI_API_KEY",
                "/automatic1111/AUTOMATIC1111_BASE_URL", "/automatic1111/AUTOMATIC1111_API_AUTH", "/comfyui/COMFYUI_BASE_URL",
                "/comfyui/COMFYUI_API_KEY", "/comfyui/COMFYUI_WORKFLOW", "/gemini/GEMINI_API_BASE_URL", "/gemini/GEMINI_API_KEY")) {
            assertTrue(config.at(key).isTextual(), key + ": " + config);
        }
        for (String key : List.of("/automatic1111/AUTOMATIC1111_CFG_SCALE", "/automatic1111/AUTOMATIC1111_SAMPLER",
                "/automatic1111/AUTOMATIC1111_SCHEDULER")) {
            assertTrue(config.at(key).isNull(), key + ": " + config);
        }
        assertTrue(config.at("/comfyui/COMFYUI_WORKFLOW_NODES").isArray(), config.toString());
        assertEquals("https://api.openai.com/v1", config.at("/openai/OPENAI_API_BASE_URL").asText());

        ObjectNode form = config.deepCopy();
        form.put("enabled", true).put("engine", "comfyui").put("prompt_generation", false);
        ((ObjectNode) form.get("openai")).put("OPENAI_API_KEY", "sk-images");
        ((ObjectNode) form.get("automatic1111")).put("AUTOMATIC1111_CFG_SCALE", "7.5").put("AUTOMATIC1111_SAMPLER", "Euler a")
                .put("AUTOMATIC1111_SCHEDULER", "");
        ((ObjectNode) form.get("comfyui")).put("COMFYUI_BASE_URL", "http://comfy:8188/").put("COMFYUI_WORKFLOW", "{\"3\":{}}")
                .putArray("COMFYUI_WORKFLOW_NODES").addObject().put("type", "prompt").put("key", "text").putArray("node_ids").add("6");
        ((ObjectNode) form.get("gemini")).put("GEMINI_API_KEY", "gm-key");
        as(admin).body(form.toString()).post("/api/v1/images/config/update").then().statusCode(200)
                .body("automatic1111.AUTOMATIC1111_CFG_SCALE", equalTo(7.5f));
        JsonNode reread = read(as(admin).get("/api/v1/images/config").then().statusCode(200).extract().asString());
        // stored as Open WebUI stores them: a number, null for an empty choice, the URL without its trailing slash
        ((ObjectNode) form.get("automatic1111")).put("AUTOMATIC1111_CFG_SCALE", 7.5).putNull("AUTOMATIC1111_SCHEDULER");
        ((ObjectNode) form.get("comfyui")).put("COMFYUI_BASE_URL", "http://comfy:8188");
        assertEquals(form, reread);
        as(TestUsers.create(Roles.USER)).get("/api/config").then().body("features.enable_image_generation", equalTo(true));
        // ComfyUI lists its models itself; one that cannot be reached is a 400 that says so
        as(admin).get("/api/v1/images/models").then().statusCode(400).body("detail", containsString("ComfyUI"));
        as(admin).body(Map.of("engine", "openai")).post("/api/v1/images/config/update").then().statusCode(200);
        as(TestUsers.create(Roles.USER)).get("/api/v1/images/models").then().statusCode(200)
                .body("id", equalTo(List.of("dall-e-2", "dall-e-3", "gpt-image-1"))).body("[0].name", equalTo("DALL·E 2"));
        as(admin).body(Map.of("comfyui", Map.of("COMFYUI_WORKFLOW_NODES", "none"))).post("/api/v1/images/config/update")
                .then().statusCode(400).body("detail", containsString("COMFYUI_WORKFLOW_NODES"));
        as(admin).body(Map.of("enabled", "yes")).post("/api/v1/images/config/update").then().statusCode(400)
                .body("detail", containsString("enabled"));

        as(admin).get("/api/v1/images/image/config").then().statusCode(200)
                .body("MODEL", equalTo("")).body("IMAGE_SIZE", equalTo("512x512")).body("IMAGE_STEPS", equalTo(50));
        as(admin).body(Map.of("MODEL", "dall-e-3", "IMAGE_SIZE", "1024x1024", "IMAGE_STEPS", 0))
                .post("/api/v1/images/image/config/update").then().statusCode(200)
                .body("MODEL", equalTo("dall-e-3")).body("IMAGE_SIZE", equalTo("1024x1024")).body("IMAGE_STEPS", equalTo(0));
        as(admin).get("/api/v1/images/image/config").then().body("MODEL", equalTo("dall-e-3")).body("IMAGE_STEPS", equalTo(0));
        as(admin).body(Map.of("MODEL", "dall-e-3", "IMAGE_SIZE", "auto", "IMAGE_STEPS", 50))
                .post("/api/v1/images/image/config/update").then().statusCode(400).body("detail", containsString("gpt-image-1"));
        as(admin).body(Map.of("MODEL", "gpt-image-1", "IMAGE_SIZE", "auto", "IMAGE_STEPS", 50))
                .post("/api/v1/images/image/config/update").then().statusCode(200).body("IMAGE_SIZE", equalTo("auto"));
        as(admin).body(Map.of("MODEL", "x", "IMAGE_SIZE", "big", "IMAGE_STEPS", 50))
                .post("/api/v1/images/image/config/update").then().statusCode(400).body("detail", containsString("512x512"));
        as(admin).body(Map.of("MODEL", "x", "IMAGE_SIZE", "64x64", "IMAGE_STEPS", -1))
                .post("/api/v1/images/image/config/update").then().statusCode(400).body("detail", containsString("IMAGE_STEPS"));
    }

    @Test
    void pipelinesListsTheConnectionsThatArePipelinesServers() throws Exception {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).body(Map.of("ENABLE_OPENAI_API", true, "OPENAI_API_BASE_URLS", List.of(), "OPENAI_API_KEYS", List.of()))
                .post("/openai/config/update").then().statusCode(200);
        as(admin).get("/api/v1/pipelines/list").then().statusCode(200).body("data", hasSize(0));
        try (FakeOpenAi plain = new FakeOpenAi("sk-plain", "gpt-x"); FakeOpenAi pipelines = new FakeOpenAi("sk-pipe", "filter-a")) {
            pipelines.pipelines = true;
            as(admin).body(Map.of("ENABLE_OPENAI_API", true,
                            "OPENAI_API_BASE_URLS", List.of(plain.baseUrl(), pipelines.baseUrl(), "http://127.0.0.1:9/v1"),
                            "OPENAI_API_KEYS", List.of("sk-plain", "sk-pipe", "")))
                    .post("/openai/config/update").then().statusCode(200);
            as(admin).get("/api/v1/pipelines/list").then().statusCode(200)
                    .body("data", hasSize(1)).body("data[0].url", equalTo(pipelines.baseUrl())).body("data[0].idx", equalTo(1));
        } finally {
            as(admin).body(Map.of("OPENAI_API_BASE_URLS", List.of(), "OPENAI_API_KEYS", List.of()))
                    .post("/openai/config/update").then().statusCode(200);
        }
    }

    @Test
    void onlyAdminsReachThesePages() {
        TestUser user = TestUsers.create(Roles.USER);
        for (String path : List.of("/api/v1/audio/config", "/api/v1/images/config", "/api/v1/images/image/config", "/api/v1/pipelines/list")) {
            as(user).get(path).then().statusCode(401);
            anonymous().get(path).then().statusCode(403);
        }
        as(user).body(Map.of()).post("/api/v1/audio/config/update").then().statusCode(401);
        as(user).body(Map.of()).post("/api/v1/images/config/update").then().statusCode(401);
    }
}
