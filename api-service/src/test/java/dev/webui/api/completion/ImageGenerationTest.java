package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.support.Chats;
import dev.webui.api.support.FakeFileService;
import dev.webui.api.support.FakeImageEngines;
import dev.webui.api.support.FakeLlm;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image generation (docs/images.md) against engines served on loopback in their wire formats: the
 * stock endpoints, every engine, the chat's image switch with its events and saved files, storage as
 * the user's files readable by their owner only, and engine failures reported clearly.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeFileServiceResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeImageEnginesResource.class, restrictToAnnotatedClass = true)
class ImageGenerationTest extends CompletionTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKFLOW = """
            {"3": {"class_type": "KSampler", "inputs": {"seed": 0, "steps": 20, "model": ["4", 0]}},
             "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "old.safetensors"}},
             "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "placeholder", "clip": ["4", 1]}},
             "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}}}""";

    FakeFileService files;
    FakeImageEngines engines;

    @Override
    Map<String, Object> presetParams() {
        return Map.of("system", "You are a helper.");
    }

    @BeforeEach
    void clean() {
        files.reset();
        engines.openAiMode = "b64";
    }

    /** Saves the Images page as the stock UI does: the whole form read back, changed, posted. */
    private void configure(String engine, boolean promptGeneration, Consumer<ObjectNode> change) {
        ObjectNode form = read(as(admin).get("/api/v1/images/config").then().statusCode(200).extract().asString());
        form.put("enabled", true).put("engine", engine).put("prompt_generation", promptGeneration);
        ((ObjectNode) form.get("openai")).put("OPENAI_API_BASE_URL", engines.baseUrl() + "/v1")
                .put("OPENAI_API_KEY", FakeImageEngines.OPENAI_KEY);
        ((ObjectNode) form.get("automatic1111")).put("AUTOMATIC1111_BASE_URL", engines.baseUrl())
                .put("AUTOMATIC1111_API_AUTH", FakeImageEngines.A1111_AUTH);
        ObjectNode comfy = (ObjectNode) form.get("comfyui");
        comfy.put("COMFYUI_BASE_URL", engines.baseUrl() + "/").put("COMFYUI_API_KEY", FakeImageEngines.COMFY_KEY)
                .put("COMFYUI_WORKFLOW", WORKFLOW);
        var nodes = comfy.putArray("COMFYUI_WORKFLOW_NODES");
        nodes.addObject().put("type", "prompt").put("key", "text").putArray("node_ids").add("6");
        nodes.addObject().put("type", "model").put("key", "ckpt_name").putArray("node_ids").add("4");
        nodes.addObject().put("type", "width").put("key", "width").putArray("node_ids").add("5");
        nodes.addObject().put("type", "height").put("key", "height").putArray("node_ids").add("5");
        nodes.addObject().put("type", "steps").put("key", "steps").putArray("node_ids").add("3");
        nodes.addObject().put("type", "seed").put("key", "seed").putArray("node_ids").add("3");
        ((ObjectNode) form.get("gemini")).put("GEMINI_API_BASE_URL", engines.baseUrl() + "/v1beta")
                .put("GEMINI_API_KEY", FakeImageEngines.GEMINI_KEY);
        change.accept(form);
        as(admin).body(form.toString()).post("/api/v1/images/config/update").then().statusCode(200).body("engine", equalTo(engine));
    }

    private void model(String model, String size, int steps) {
        as(admin).body(Map.of("MODEL", model, "IMAGE_SIZE", size, "IMAGE_STEPS", steps))
                .post("/api/v1/images/image/config/update").then().statusCode(200);
    }

    private static ObjectNode read(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }

    /** The stored file behind a content URL, after checking it is a file of {@code owner} only. */
    private FakeFileService.StoredFile storedFor(TestUser owner, String url) {
        assertTrue(url.matches("/api/v1/files/[0-9a-f-]{36}/content"), url);
        String id = url.split("/")[4];
        FakeFileService.StoredFile file = files.stored.get(id);
        assertNotNull(file, "stored in file-service: " + url);
        assertEquals("Bearer " + owner.token(), file.authorization(), "uploaded as the user");
        assertEquals("false", file.process(), "kept as is, not extracted");
        RestAssured.given().baseUri(files.baseUrl()).header("Authorization", "Bearer " + owner.token()).get(url)
                .then().statusCode(200);
        RestAssured.given().baseUri(files.baseUrl()).header("Authorization", "Bearer " + other.token()).get(url)
                .then().statusCode(404);
        return file;
    }

    private List<String> generate(TestUser caller, Map<String, Object> body) {
        return as(caller).body(body).post("/api/v1/images/generations").then().statusCode(200).extract().jsonPath().getList("url");
    }

    @Test
    void openAiImagesAreStoredAsTheUsersFilesReadableByThemOnly() {
        configure("openai", true, f -> { });
        model("dall-e-3", "1024x1024", 50);
        List<String> urls = generate(user, Map.of("prompt", "a red fox"));
        assertEquals(1, urls.size());
        FakeFileService.StoredFile file = storedFor(user, urls.get(0));
        assertArrayEquals(FakeImageEngines.image("openai"), file.content());
        assertEquals("generated-image.png", file.name());
        assertEquals("image/png", file.contentType());
        assertTrue(file.metadata().contains("a red fox"), file.metadata());

        JsonObject sent = engines.requests("/v1/images/generations").get(engines.requests("/v1/images/generations").size() - 1);
        assertEquals("dall-e-3", sent.getString("model"));
        assertEquals("1024x1024", sent.getString("size"));
        assertEquals("b64_json", sent.getString("response_format"));
        assertEquals(1, sent.getInteger("n"));

        engines.openAiMode = "url";
        List<String> linked = generate(user, Map.of("prompt", "a blue fox", "size", "256x256"));
        assertArrayEquals(FakeImageEngines.image("openai-url"), storedFor(user, linked.get(0)).content());
        assertTrue(engines.headers.contains("/v1/files/img-1.png null null"), "the link is fetched without the API key");

        // the browser's session cookie alone is enough; file-service sees it as the user's token
        String byCookie = RestAssured.given().contentType("application/json").cookie("token", user.token())
                .body(Map.of("prompt", "a grey fox")).post("/api/v1/images/generations").then().statusCode(200)
                .extract().jsonPath().getString("[0].url");
        storedFor(user, byCookie);
    }

    @Test
    void engineFailuresAreClearAndBadInputIsRefused() {
        configure("openai", false, f -> { });
        as(user).body(Map.of("prompt", "refuse")).post("/api/v1/images/generations").then().statusCode(400)
                .body("detail", containsString("rejected by the safety system"));
        engines.openAiMode = "huge";
        as(user).body(Map.of("prompt", "too big")).post("/api/v1/images/generations").then().statusCode(502)
                .body("detail", containsString("1 MB"));
        as(user).body(Map.of("prompt", "x", "n", 9)).post("/api/v1/images/generations").then().statusCode(400)
                .body("detail", containsString("'n'"));
        as(user).body(Map.of("n", 1)).post("/api/v1/images/generations").then().statusCode(400)
                .body("detail", containsString("prompt"));
        as(user).body(Map.of("prompt", "x", "size", "huge")).post("/api/v1/images/generations").then().statusCode(400)
                .body("detail", containsString("512x512"));
        as(user).body("[1]").post("/api/v1/images/generations").then().statusCode(400);

        configure("openai", false, f -> ((ObjectNode) f.get("openai")).put("OPENAI_API_BASE_URL", "http://127.0.0.1:9/v1"));
        as(user).body(Map.of("prompt", "nobody there")).post("/api/v1/images/generations").then().statusCode(502)
                .body("detail", containsString("unreachable"));
        configure("openai", false, f -> ((ObjectNode) f.get("openai")).put("OPENAI_API_KEY", "sk-wrong"));
        as(user).body(Map.of("prompt", "wrong key")).post("/api/v1/images/generations").then().statusCode(502)
                .body("detail", containsString("Incorrect API key"));
        assertTrue(files.stored.values().stream().noneMatch(f -> new String(f.content()).contains("wrong key")));
    }

    @Test
    void onlyAdminsConfigureAndNobodyGeneratesWhileItIsOff() {
        for (String path : List.of("/api/v1/images/config", "/api/v1/images/image/config", "/api/v1/images/config/url/verify")) {
            as(user).get(path).then().statusCode(401);
        }
        as(user).body("{}").post("/api/v1/images/config/update").then().statusCode(401);
        as(user).body(Map.of("MODEL", "x", "IMAGE_SIZE", "1x1", "IMAGE_STEPS", 1)).post("/api/v1/images/image/config/update")
                .then().statusCode(401);
        configure("openai", false, f -> f.put("enabled", false));
        as(user).body(Map.of("prompt", "a cat")).post("/api/v1/images/generations").then().statusCode(403)
                .body("detail", containsString("disabled"));
        configure("openai", false, f -> { });
    }

    @Test
    void automatic1111GetsItsSettingsAndTheChosenCheckpoint() {
        configure("automatic1111", false, f -> ((ObjectNode) f.get("automatic1111")).put("AUTOMATIC1111_CFG_SCALE", "6.5")
                .put("AUTOMATIC1111_SAMPLER", "Euler a").put("AUTOMATIC1111_SCHEDULER", "Karras"));
        as(admin).get("/api/v1/images/config/url/verify").then().statusCode(200).body(equalTo("true"));
        as(admin).get("/api/v1/images/models").then().statusCode(200).body("id", hasSize(2))
                .body("[1].id", equalTo("sdxl.safetensors [31e35c80fc]")).body("[1].name", equalTo("sdxl"));
        model("sdxl.safetensors [31e35c80fc]", "640x384", 30);
        assertEquals("sdxl.safetensors [31e35c80fc]", engines.checkpoint, "the checkpoint is loaded in Automatic1111");

        List<String> urls = generate(user, Map.of("prompt", "a castle", "n", 2, "negative_prompt", "fog"));
        assertEquals(2, urls.size());
        assertArrayEquals(FakeImageEngines.image("a1111-1"), storedFor(user, urls.get(1)).content());
        assertTrue(storedFor(user, urls.get(0)).metadata().contains("\"info\""));
        JsonObject sent = engines.requests("/sdapi/v1/txt2img").get(engines.requests("/sdapi/v1/txt2img").size() - 1);
        assertEquals(new JsonObject().put("prompt", "a castle").put("batch_size", 2).put("width", 640).put("height", 384)
                .put("steps", 30).put("negative_prompt", "fog").put("cfg_scale", 6.5).put("sampler_name", "Euler a")
                .put("scheduler", "Karras"), sent);

        configure("automatic1111", false, f -> ((ObjectNode) f.get("automatic1111")).put("AUTOMATIC1111_API_AUTH", "wrong:pw"));
        as(admin).get("/api/v1/images/config/url/verify").then().statusCode(400).body("detail", containsString("401"));
        as(user).body(Map.of("prompt", "no entry")).post("/api/v1/images/generations").then().statusCode(502)
                .body("detail", containsString("Not authenticated"));
    }

    @Test
    void comfyUiRunsTheMappedWorkflowOverItsQueueAndWebsocket() {
        configure("comfyui", false, f -> { });
        model("dreamshaper_8.safetensors", "768x512", 25);
        as(admin).get("/api/v1/images/config/url/verify").then().statusCode(200).body(equalTo("true"));
        as(admin).get("/api/v1/images/models").then().statusCode(200)
                .body("id", equalTo(List.of("dreamshaper_8.safetensors", "sd_xl_base_1.0.safetensors")));

        List<String> urls = generate(user, Map.of("prompt", "a misty harbour"));
        assertArrayEquals(FakeImageEngines.image("comfyui"), storedFor(user, urls.get(0)).content());
        JsonObject queued = engines.requests("/prompt").get(engines.requests("/prompt").size() - 1);
        JsonObject workflow = queued.getJsonObject("prompt");
        assertEquals("a misty harbour", workflow.getJsonObject("6").getJsonObject("inputs").getString("text"));
        assertEquals("dreamshaper_8.safetensors", workflow.getJsonObject("4").getJsonObject("inputs").getString("ckpt_name"));
        assertEquals(768, workflow.getJsonObject("5").getJsonObject("inputs").getInteger("width"));
        assertEquals(512, workflow.getJsonObject("5").getJsonObject("inputs").getInteger("height"));
        assertEquals(25, workflow.getJsonObject("3").getJsonObject("inputs").getInteger("steps"));
        assertTrue(workflow.getJsonObject("3").getJsonObject("inputs").getValue("seed") instanceof Number);
        assertTrue(engines.comfyClients.contains(queued.getString("client_id")), "the websocket of the queued client id was open");

        as(user).body(Map.of("prompt", "fail")).post("/api/v1/images/generations").then().statusCode(502)
                .body("detail", containsString("CUDA out of memory"));
    }

    @Test
    void geminiPredictsWithItsKey() {
        configure("gemini", false, f -> { });
        model("", "512x512", 50);
        List<String> urls = generate(user, Map.of("prompt", "a desert"));
        assertArrayEquals(FakeImageEngines.image("gemini"), storedFor(user, urls.get(0)).content());
        JsonObject sent = engines.requests("/v1beta/models/imagen-3.0-generate-002:predict").get(0);
        assertEquals("a desert", sent.getJsonObject("instances").getString("prompt"));
        assertEquals(1, sent.getJsonObject("parameters").getInteger("sampleCount"));
    }

    private static JsonNode data(JsonNode event) {
        return event.path("data").path("data");
    }

    private static JsonObject lastRequestEndingWith(String prompt) {
        return upstream.requests.stream().filter(r -> {
            JsonArray messages = r.getJsonArray("messages");
            return r.getBoolean("stream", false) && prompt.equals(messages.getJsonObject(messages.size() - 1).getString("content"));
        }).reduce((a, b) -> b).orElseThrow();
    }

    private Map<String, Object> chatBody(String prompt, String chatId) {
        Map<String, Object> body = requestBody("helper", prompt, chatId, true);
        body.put("features", Map.of("image_generation", true));
        return body;
    }

    @Test
    void theChatSwitchGeneratesFromTheTaskPromptShowsAndSavesTheImage() {
        configure("openai", true, f -> { });
        model("dall-e-2", "512x512", 50);
        String chatId = Chats.create(user, "images", 1);
        String prompt = "Paint me a lighthouse";
        as(user).body(chatBody(prompt, chatId)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        List<String> statuses = events.stream().filter(e -> EmitTap.isType(e, "status"))
                .map(e -> data(e).path("description").asText() + ":" + data(e).path("done").asBoolean()).toList();
        assertEquals(List.of("Creating image:false", "Image created:true"), statuses);
        JsonNode filesEvent = events.stream().filter(e -> EmitTap.isType(e, "files")).findFirst().orElseThrow();
        String url = data(filesEvent).path("files").path(0).path("url").asText();
        assertEquals("image", data(filesEvent).path("files").path(0).path("type").asText());
        assertArrayEquals(FakeImageEngines.image("openai"), storedFor(user, url).content());
        assertTrue(events.indexOf(filesEvent) < events.size() - 1, "the files come before the answer ends");

        JsonObject sent = engines.requests("/v1/images/generations").get(engines.requests("/v1/images/generations").size() - 1);
        assertEquals(FakeLlm.IMAGE_PROMPT, sent.getString("prompt"), "the task model wrote the image prompt");
        String system = lastRequestEndingWith(prompt).getJsonArray("messages").getJsonObject(0).getString("content");
        assertTrue(system.startsWith("<context>User is shown the generated image"), system);
        assertTrue(system.contains("You are a helper."), system);

        as(user).body(Map.of("model", "helper", "messages", List.of(Map.of("role", "user", "content", prompt))))
                .post("/api/v1/tasks/image_prompt/completions").then().statusCode(200)
                .body("choices[0].message.content", containsString(FakeLlm.IMAGE_PROMPT));

        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.files[0].type", equalTo("image"))
                .body("chat.history.messages.m1.files[0].url", equalTo(url))
                .body("chat.history.messages.m1.content", equalTo("Hello world!"));
    }

    @Test
    void aFailingEngineGivesAnErrorStatusAndTheAnswerStillComes() {
        configure("openai", false, f -> { });
        String chatId = Chats.create(user, "refused", 1);
        as(user).body(chatBody("refuse", chatId)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> events = tap.awaitEvent(chatId, "m1", EmitTap::isDone);

        JsonNode failed = events.stream().filter(e -> EmitTap.isType(e, "status") && data(e).path("done").asBoolean())
                .map(ImageGenerationTest::data).findFirst().orElseThrow();
        assertTrue(failed.path("error").asBoolean(), failed.toString());
        assertTrue(failed.path("description").asText().startsWith("An error occurred while generating an image"), failed.toString());
        assertTrue(failed.path("description").asText().contains("rejected by the safety system"), failed.toString());
        assertFalse(events.stream().anyMatch(e -> EmitTap.isType(e, "files")));
        String system = lastRequestEndingWith("refuse").getJsonArray("messages").getJsonObject(0).getString("content");
        assertTrue(system.startsWith("<context>Unable to generate an image"), system);
        as(user).get("/api/v1/chats/" + chatId).then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("Hello world!"))
                .body("chat.history.messages.m1.files", org.hamcrest.Matchers.nullValue());

        configure("openai", false, f -> f.put("enabled", false));
        String offChat = Chats.create(user, "switched off", 1);
        as(user).body(chatBody("A boat", offChat)).post("/api/chat/completions").then().statusCode(200);
        List<JsonNode> offEvents = tap.awaitEvent(offChat, "m1", EmitTap::isDone);
        assertTrue(offEvents.stream().anyMatch(e -> EmitTap.isType(e, "status") && data(e).path("error").asBoolean()
                && data(e).path("description").asText().contains("disabled")), offEvents.toString());
        configure("openai", false, f -> { });
    }
}
