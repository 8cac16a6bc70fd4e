package dev.webui.api.audio;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static dev.webui.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** /api/v1/audio against fake engines speaking each real wire format on loopback. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeSpeechEnginesResource.class, restrictToAnnotatedClass = true)
class AudioEnginesTest {
    private static final String KEY = FakeSpeechEngines.KEY;
    private FakeSpeechEngines engines;
    private TestUser admin;
    private TestUser user;

    @BeforeEach
    void setUp() {
        engines = FakeSpeechEnginesResource.engines;
        admin = TestUsers.create(Roles.ADMIN);
        user = TestUsers.create(Roles.USER);
    }

    @Test
    void aWebmRecordingIsTranscribedByAnOpenAiCompatibleServer() {
        configure(Map.of(), Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1/", "OPENAI_API_KEY", KEY,
                "MODEL", "Systran/faster-whisper-small"));
        byte[] webm = webm(20_000);
        transcribe(user, "recording.webm", webm, "audio/webm;codecs=opus").multiPart("language", "de")
                .post("/api/v1/audio/transcriptions").then().statusCode(200)
                .body("text", equalTo(" Hello from a webm recording. ")).body("duration", equalTo(1.5f))
                .body("filename", endsWith(".webm"));
        JsonObject seen = (JsonObject) engines.last.get("openai-stt");
        assertEquals("Systran/faster-whisper-small", seen.getString("model"));
        assertEquals("de", seen.getString("language"));
        assertEquals(webm.length, seen.getInteger("size"));
        assertTrue(seen.getBoolean("webm"));
        assertTrue(seen.getString("type").startsWith("audio/webm"), seen.getString("type"));

        // a language the server refuses: asked once more without it, as Open WebUI does
        transcribe(user, "recording.webm", webm, "audio/webm").multiPart("language", "xx")
                .post("/api/v1/audio/transcriptions").then().statusCode(200).body("text", containsString("webm recording"));
        assertNull(((JsonObject) engines.last.get("openai-stt")).getString("language"));
    }

    @Test
    void aRecordingStreamedWithoutALengthIsTranscribedToo() throws Exception {
        // what file-service sends for an uploaded audio file: chunked multipart, as the file's owner
        configure(Map.of(), Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY, "MODEL", "whisper-1"));
        byte[] webm = webm(30_000);
        String boundary = "----test" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.webm\"\r\n"
                + "Content-Type: video/webm\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/audio/transcriptions"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(webm)),
                        HttpRequest.BodyPublishers.ofByteArray(tail))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(new JsonObject(response.body()).getString("text").contains("webm recording"));
        JsonObject seen = (JsonObject) engines.last.get("openai-stt");
        assertEquals(webm.length, seen.getInteger("size"));
        assertEquals("video/webm", seen.getString("type"));
    }

    @Test
    void deepgramGetsTheRawAudioWithItsTokenAndAzureAMultipartDefinition() {
        configure(Map.of(), Map.of("ENGINE", "deepgram", "DEEPGRAM_API_KEY", KEY, "MODEL", "nova-2"));
        byte[] webm = webm(5_000);
        transcribe(user, "clip.webm", webm, "audio/webm").multiPart("language", "en").post("/api/v1/audio/transcriptions")
                .then().statusCode(200).body("text", equalTo("Hello from Deepgram.")).body("filename", endsWith(".webm"));
        JsonObject seen = (JsonObject) engines.last.get("deepgram");
        assertTrue(seen.getString("query").contains("smart_format=true") && seen.getString("query").contains("model=nova-2")
                && seen.getString("query").contains("language=en"), seen.getString("query"));
        assertEquals("audio/webm", seen.getString("type"));
        assertEquals(webm.length, seen.getInteger("size"));
        assertTrue(seen.getBoolean("webm"));

        configure(Map.of(), Map.of("ENGINE", "azure", "AZURE_API_KEY", KEY, "AZURE_BASE_URL", engines.url(),
                "AZURE_LOCALES", "de-DE, fr-FR", "AZURE_MAX_SPEAKERS", "2"));
        transcribe(user, "clip.ogg", webm(3_000), "audio/ogg").post("/api/v1/audio/transcriptions")
                .then().statusCode(200).body("text", equalTo("Hello from Azure."));
        JsonObject azure = (JsonObject) engines.last.get("azure-stt");
        assertEquals("api-version=2024-11-15", azure.getString("query"));
        assertEquals(java.util.List.of("de-DE", "fr-FR"), azure.getJsonObject("definition").getJsonArray("locales").getList());
        assertEquals(2, azure.getJsonObject("definition").getJsonObject("diarization").getInteger("maxSpeakers"));
        assertEquals(3_000, azure.getInteger("size"));

        configure(Map.of(), Map.of("AZURE_API_KEY", ""));
        transcribe(user, "clip.ogg", webm(3_000), "audio/ogg").post("/api/v1/audio/transcriptions")
                .then().statusCode(400).body("detail", containsString("API key"));
    }

    @Test
    void badRecordingsAreRefusedWithTheRightStatus() {
        configure(Map.of(), Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY,
                "SUPPORTED_CONTENT_TYPES", java.util.List.of()));
        transcribe(user, "empty.webm", new byte[0], "audio/webm").post("/api/v1/audio/transcriptions")
                .then().statusCode(400).body("detail", containsString("empty"));
        transcribe(user, "paper.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/audio/transcriptions").then().statusCode(400)
                .body("detail", allOf(containsString("application/pdf"), containsString("audio/*")));
        transcribe(user, "long.wav", webm(65 * 1024 + 1), "audio/wav").post("/api/v1/audio/transcriptions")
                .then().statusCode(413).body("detail", containsString("at most 65536 bytes"));
        given().header("Authorization", "Bearer " + user.token()).multiPart("language", "en")
                .post("/api/v1/audio/transcriptions").then().statusCode(400).body("detail", containsString("'file'"));

        // the admin's list replaces the default one
        configure(Map.of(), Map.of("SUPPORTED_CONTENT_TYPES", java.util.List.of("audio/wav")));
        transcribe(user, "clip.webm", webm(1_000), "audio/webm").post("/api/v1/audio/transcriptions").then().statusCode(400);
        transcribe(user, "clip.wav", webm(1_000), "audio/wav").post("/api/v1/audio/transcriptions").then().statusCode(200);

        configure(Map.of(), Map.of("ENGINE", "", "SUPPORTED_CONTENT_TYPES", java.util.List.of()));
        transcribe(user, "clip.webm", webm(1_000), "audio/webm").post("/api/v1/audio/transcriptions").then().statusCode(400)
                .body("detail", allOf(containsString("OpenAI-compatible"), containsString("whisper")));
        configure(Map.of(), Map.of("ENGINE", "web"));
        transcribe(user, "clip.webm", webm(1_000), "audio/webm").post("/api/v1/audio/transcriptions").then().statusCode(400)
                .body("detail", containsString("browser"));
    }

    @Test
    void engineFailuresAreShownWithTheEnginesReason() {
        configure(Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY),
                Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY, "MODEL", "explode"));
        transcribe(user, "clip.webm", webm(1_000), "audio/webm").post("/api/v1/audio/transcriptions").then().statusCode(502)
                .body("detail", allOf(containsString("HTTP 500"), containsString("model exploded")));
        configure(Map.of(), Map.of("OPENAI_API_KEY", "wrong", "MODEL", "whisper-1"));
        transcribe(user, "clip.webm", webm(1_000), "audio/webm").post("/api/v1/audio/transcriptions").then().statusCode(502)
                .body("detail", allOf(containsString("refused the API key"), containsString("Incorrect API key provided")));

        as(user).body(Map.of("input", "FAIL please", "voice", "alloy")).post("/api/v1/audio/speech").then().statusCode(502)
                .body("detail", allOf(containsString("HTTP 500"), containsString("voice model crashed")));
        as(user).body(Map.of("input", "SLOW please", "voice", "alloy")).post("/api/v1/audio/speech").then().statusCode(504)
                .body("detail", containsString("did not answer within 5 seconds"));
        as(user).body("{not json").post("/api/v1/audio/speech").then().statusCode(400).body("detail", containsString("JSON"));
        as(user).body(Map.of("input", " ")).post("/api/v1/audio/speech").then().statusCode(400).body("detail", containsString("input"));

        configure(Map.of("ENGINE", ""), Map.of());
        as(user).body(Map.of("input", "Hello")).post("/api/v1/audio/speech").then().statusCode(400)
                .body("detail", containsString("No text to speech engine"));
    }

    @Test
    void speechIsGeneratedOnceThenServedFromTheSharedCache() {
        configure(Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY, "MODEL", "kokoro"), Map.of());
        String text = "Cached answer " + System.nanoTime();
        int before = engines.speechCalls.get();
        byte[] first = speak(user, text, "af_bella");
        assertArrayEquals(FakeSpeechEngines.audioFor(text, 4), first);
        JsonObject sent = (JsonObject) engines.last.get("openai-tts");
        assertEquals("kokoro", sent.getString("model"));
        assertEquals("af_bella", sent.getString("voice"));
        assertEquals(before + 1, engines.speechCalls.get());

        // a second read-aloud, by another user too, costs nothing
        byte[] again = speak(TestUsers.create(Roles.USER), text, "af_bella");
        assertArrayEquals(first, again);
        assertEquals(before + 1, engines.speechCalls.get());

        // another voice is another entry
        speak(user, text, "alloy");
        assertEquals(before + 2, engines.speechCalls.get());

        // longer than an entry may be: relayed whole, not kept
        String longText = "LONG answer " + System.nanoTime();
        assertArrayEquals(FakeSpeechEngines.audioFor(longText, 8), speak(user, longText, "alloy"));
        speak(user, longText, "alloy");
        assertEquals(before + 4, engines.speechCalls.get());

        // the total stays under 100K: two more 40K entries push out the least recently used
        speak(user, "Filler one " + System.nanoTime(), "alloy");
        speak(user, "Filler two " + System.nanoTime(), "alloy");
        assertTrue(TestUsers.queryLong("SELECT coalesce(sum(size), 0) FROM speech_cache") <= 100 * 1024);
        int calls = engines.speechCalls.get();
        speak(user, text, "af_bella");
        assertEquals(calls + 1, engines.speechCalls.get());
    }

    @Test
    void speechReachesTheBrowserWhileTheEngineIsStillSpeaking() throws Exception {
        configure(Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY, "MODEL", "tts-1"), Map.of());
        engines.hold = new CountDownLatch(1);
        String text = "HOLD streamed " + System.nanoTime();
        byte[] expected = FakeSpeechEngines.audioFor(text, 4);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/audio/speech"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("input", text).put("voice", "nova").encode())).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("audio/mpeg", response.headers().firstValue("Content-Type").orElse(null));
        try (InputStream body = response.body()) {
            byte[] firstChunk = body.readNBytes(FakeSpeechEngines.CHUNK); // the engine holds the rest until released
            assertArrayEquals(Arrays.copyOf(expected, FakeSpeechEngines.CHUNK), firstChunk);
            engines.hold.countDown();
            byte[] rest = body.readAllBytes();
            assertArrayEquals(Arrays.copyOfRange(expected, FakeSpeechEngines.CHUNK, expected.length), rest);
        }
    }

    @Test
    void elevenLabsAndAzureSpeakWithTheirOwnRequestsAndListTheirVoices() {
        configure(Map.of("ENGINE", "elevenlabs", "API_KEY", KEY, "MODEL", "eleven_multilingual_v2"), Map.of());
        as(user).get("/api/v1/audio/voices").then().statusCode(200)
                .body("voices", hasSize(1)).body("voices[0].id", equalTo("EXAVITQu4vr4xnSDxMaL")).body("voices[0].name", equalTo("Sarah"));
        as(user).get("/api/v1/audio/models").then().statusCode(200)
                .body("models[0].id", equalTo("eleven_multilingual_v2")).body("models[0].name", equalTo("Multilingual v2"));
        String text = "Eleven " + System.nanoTime();
        assertArrayEquals(FakeSpeechEngines.audioFor(text, 4), speak(user, text, "EXAVITQu4vr4xnSDxMaL"));
        JsonObject eleven = (JsonObject) engines.last.get("elevenlabs");
        assertEquals("EXAVITQu4vr4xnSDxMaL", eleven.getString("voice"));
        assertEquals("eleven_multilingual_v2", eleven.getString("model_id"));
        assertEquals("audio/mpeg", eleven.getString("accept"));
        as(user).body(Map.of("input", "Hi " + System.nanoTime(), "voice", "nobody")).post("/api/v1/audio/speech").then()
                .statusCode(400).body("detail", containsString("Invalid voice id"));

        configure(Map.of("ENGINE", "azure", "API_KEY", KEY, "AZURE_SPEECH_BASE_URL", engines.url(), "VOICE", "en-US-JennyNeural",
                "AZURE_SPEECH_OUTPUT_FORMAT", "audio-16khz-32kbitrate-mono-mp3"), Map.of());
        as(user).get("/api/v1/audio/voices").then().statusCode(200)
                .body("voices[0].id", equalTo("en-US-JennyNeural")).body("voices[0].name", equalTo("Jenny (en-US-JennyNeural)"));
        as(user).get("/api/v1/audio/models").then().statusCode(200).body("models", hasSize(0));
        String azureText = "Tom & Jerry <" + System.nanoTime() + ">";
        byte[] audio = speak(user, azureText, "ignored");
        assertEquals(4 * FakeSpeechEngines.CHUNK, audio.length);
        JsonObject azure = (JsonObject) engines.last.get("azure-tts");
        assertEquals("application/ssml+xml", azure.getString("type"));
        assertEquals("audio-16khz-32kbitrate-mono-mp3", azure.getString("format"));
        String ssml = azure.getString("ssml");
        assertTrue(ssml.contains("xml:lang=\"en-US\"") && ssml.contains("<voice name=\"en-US-JennyNeural\">")
                && ssml.contains("Tom &amp; Jerry &lt;"), ssml);
    }

    @Test
    void openAiModelsAndVoicesComeFromACustomServerOrOpenAisFixedLists() {
        configure(Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1"), Map.of());
        as(user).get("/api/v1/audio/models").then().statusCode(200).body("models.id", org.hamcrest.Matchers.contains("kokoro", "piper"));
        as(user).get("/api/v1/audio/voices").then().statusCode(200).body("voices[0].id", equalTo("af_bella")).body("voices[0].name", equalTo("Bella"));
        configure(Map.of("OPENAI_API_BASE_URL", "http://127.0.0.1:9/v1"), Map.of());
        as(user).get("/api/v1/audio/models").then().statusCode(200).body("models.id", org.hamcrest.Matchers.contains("tts-1", "tts-1-hd"));
        as(user).get("/api/v1/audio/voices").then().statusCode(200).body("voices", hasSize(6));
    }

    @Test
    void onlyVerifiedUsersMaySpeakOrTranscribe() {
        configure(Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY),
                Map.of("ENGINE", "openai", "OPENAI_API_BASE_URL", engines.url() + "/v1", "OPENAI_API_KEY", KEY));
        TestUser pending = TestUsers.create(Roles.PENDING);
        int calls = engines.speechCalls.get();
        as(pending).body(Map.of("input", "Hello", "voice", "alloy")).post("/api/v1/audio/speech").then().statusCode(401)
                .body("detail", containsString("awaiting approval"));
        as(null).body(Map.of("input", "Hello", "voice", "alloy")).post("/api/v1/audio/speech").then().statusCode(401);
        transcribe(pending, "clip.webm", webm(1_000), "audio/webm").post("/api/v1/audio/transcriptions").then().statusCode(401);
        as(pending).get("/api/v1/audio/voices").then().statusCode(401);
        assertEquals(calls, engines.speechCalls.get());
        as(user).get("/api/v1/audio/config").then().statusCode(401);
    }

    private void configure(Map<String, Object> tts, Map<String, Object> stt) {
        as(admin).body(Map.of("tts", tts, "stt", stt)).post("/api/v1/audio/config/update").then().statusCode(200);
    }

    private static RequestSpecification transcribe(TestUser caller, String name, byte[] bytes, String type) {
        return given().header("Authorization", "Bearer " + caller.token()).multiPart("file", name, bytes, type);
    }

    private static byte[] speak(TestUser caller, String text, String voice) {
        return as(caller).body(Map.of("input", text, "voice", voice)).post("/api/v1/audio/speech").then().statusCode(200)
                .extract().asByteArray();
    }

    /** What MediaRecorder writes: an EBML header with the webm doctype, then the stream. */
    private static byte[] webm(int size) {
        byte[] header = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42,
                (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42, (byte) 0xF3, (byte) 0x81, 0x08,
                0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42, (byte) 0x85,
                (byte) 0x81, 0x02};
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = i < header.length ? header[i] : (byte) (i * 31);
        }
        return out;
    }
}
