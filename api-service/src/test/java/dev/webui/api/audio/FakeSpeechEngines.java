package dev.webui.api.audio;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loopback server (TCP_NODELAY) speaking the wire formats of the speech engines: OpenAI's
 * /v1/audio/* (multipart transcription in, JSON out; speech JSON in, chunked audio out), Azure's
 * speech to text (multipart with a definition) and text to speech (SSML), Deepgram's /v1/listen
 * (raw audio, Token auth) and ElevenLabs' /v1/voices, /v1/models and /v1/text-to-speech.
 * It counts the speech it generates and records what it was sent.
 */
final class FakeSpeechEngines {
    static final String KEY = "engine-key";
    static final int CHUNK = 10 * 1024;

    final AtomicInteger speechCalls = new AtomicInteger();
    final Map<String, Object> last = new ConcurrentHashMap<>();
    /** Holds the rest of a "HOLD" speech after its first chunk until released. */
    volatile CountDownLatch hold = new CountDownLatch(1);

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    FakeSpeechEngines() throws Exception {
        Path uploads = Files.createTempDirectory("fake-speech");
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(uploads.toString()).setDeleteUploadedFilesOnEnd(true));
        router.post("/v1/audio/transcriptions").blockingHandler(this::openAiTranscription);
        router.post("/v1/audio/speech").handler(this::openAiSpeech);
        router.get("/v1/audio/models").handler(rc -> json(rc.response(), 200, new JsonObject().put("models",
                new JsonArray().add(new JsonObject().put("id", "kokoro")).add(new JsonObject().put("id", "piper")))));
        router.get("/v1/audio/voices").handler(rc -> json(rc.response(), 200, new JsonObject().put("voices",
                new JsonArray().add(new JsonObject().put("id", "af_bella").put("name", "Bella")))));
        router.post("/v1/listen").handler(this::deepgram);
        router.post("/speechtotext/transcriptions:transcribe").blockingHandler(this::azureTranscription);
        router.post("/cognitiveservices/v1").handler(this::azureSpeech);
        router.get("/cognitiveservices/voices/list").handler(this::azureVoices);
        router.get("/v1/voices").handler(rc -> eleven(rc, () -> json(rc.response(), 200, new JsonObject().put("voices",
                new JsonArray().add(new JsonObject().put("voice_id", "EXAVITQu4vr4xnSDxMaL").put("name", "Sarah"))))));
        router.get("/v1/models").handler(rc -> eleven(rc, () -> json(rc.response(), 200, new JsonArray()
                .add(new JsonObject().put("model_id", "eleven_multilingual_v2").put("name", "Multilingual v2")))));
        router.post("/v1/text-to-speech/:voice").handler(rc -> eleven(rc, () -> {
            last.put("elevenlabs", rc.body().asJsonObject().put("voice", rc.pathParam("voice")).put("accept", rc.request().getHeader("Accept")));
            speak(rc.response(), rc.body().asJsonObject().getString("text"), "audio/mpeg");
        }));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
                .requestHandler(router).listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    void close() {
        vertx.close();
    }

    /** The audio the fake generates for a text: deterministic, four chunks, an MP3 frame header first. */
    static byte[] audioFor(String text, int chunks) {
        byte[] audio = new byte[CHUNK * chunks];
        byte[] seed = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (seed[i % seed.length] + i / 7);
        }
        audio[0] = (byte) 0xFF;
        audio[1] = (byte) 0xFB;
        return audio;
    }

    static int chunksFor(String text) {
        return text.startsWith("LONG") ? 8 : 4;
    }

    private void openAiTranscription(RoutingContext rc) {
        if (!bearer(rc)) {
            return;
        }
        String language = rc.request().getFormAttribute("language");
        if ("xx".equals(language)) {
            json(rc.response(), 400, new JsonObject().put("error", new JsonObject().put("message", "Unsupported language xx")));
            return;
        }
        FileUpload file = rc.fileUploads().stream().filter(f -> f.name().equals("file")).findFirst().orElse(null);
        byte[] bytes = read(file);
        if ("explode".equals(rc.request().getFormAttribute("model"))) {
            json(rc.response(), 500, new JsonObject().put("error", new JsonObject().put("message", "model exploded")));
            return;
        }
        last.put("openai-stt", new JsonObject().put("model", rc.request().getFormAttribute("model")).put("language", language)
                .put("filename", file.fileName()).put("type", file.contentType()).put("size", bytes.length)
                .put("webm", isWebm(bytes)));
        json(rc.response(), 200, new JsonObject().put("text", " Hello from a webm recording. ").put("duration", 1.5));
    }

    private void openAiSpeech(RoutingContext rc) {
        if (!bearer(rc)) {
            return;
        }
        JsonObject body = rc.body().asJsonObject();
        last.put("openai-tts", body);
        String input = body.getString("input");
        if (input.startsWith("FAIL")) {
            json(rc.response(), 500, new JsonObject().put("error", new JsonObject().put("message", "voice model crashed")));
        } else if (!input.startsWith("SLOW")) {
            speak(rc.response(), input, "audio/mpeg");
        }
    }

    private void deepgram(RoutingContext rc) {
        if (!("Token " + KEY).equals(rc.request().getHeader("Authorization"))) {
            json(rc.response(), 401, new JsonObject().put("err_code", "INVALID_AUTH").put("err_msg", "Invalid credentials."));
            return;
        }
        byte[] bytes = rc.body().buffer().getBytes();
        last.put("deepgram", new JsonObject().put("query", rc.request().query()).put("type", rc.request().getHeader("Content-Type"))
                .put("size", bytes.length).put("webm", isWebm(bytes)));
        json(rc.response(), 200, new JsonObject().put("results", new JsonObject().put("channels", new JsonArray().add(
                new JsonObject().put("alternatives", new JsonArray().add(new JsonObject().put("transcript", "Hello from Deepgram.")))))));
    }

    private void azureTranscription(RoutingContext rc) {
        if (!KEY.equals(rc.request().getHeader("Ocp-Apim-Subscription-Key"))) {
            json(rc.response(), 401, new JsonObject().put("error", new JsonObject().put("code", "401").put("message", "Access denied due to invalid subscription key.")));
            return;
        }
        FileUpload file = rc.fileUploads().stream().filter(f -> f.name().equals("audio")).findFirst().orElse(null);
        byte[] bytes = read(file);
        last.put("azure-stt", new JsonObject().put("query", rc.request().query())
                .put("definition", new JsonObject(rc.request().getFormAttribute("definition"))).put("size", bytes.length));
        json(rc.response(), 200, new JsonObject().put("durationMilliseconds", 1500).put("combinedPhrases",
                new JsonArray().add(new JsonObject().put("text", "Hello from Azure."))));
    }

    private void azureSpeech(RoutingContext rc) {
        if (!KEY.equals(rc.request().getHeader("Ocp-Apim-Subscription-Key"))) {
            rc.response().setStatusCode(401).end();
            return;
        }
        last.put("azure-tts", new JsonObject().put("ssml", rc.body().asString()).put("type", rc.request().getHeader("Content-Type"))
                .put("format", rc.request().getHeader("X-Microsoft-OutputFormat")));
        speak(rc.response(), rc.body().asString(), "audio/mpeg");
    }

    private void azureVoices(RoutingContext rc) {
        if (!KEY.equals(rc.request().getHeader("Ocp-Apim-Subscription-Key"))) {
            rc.response().setStatusCode(401).end();
            return;
        }
        json(rc.response(), 200, new JsonArray().add(new JsonObject().put("ShortName", "en-US-JennyNeural")
                .put("DisplayName", "Jenny").put("Locale", "en-US")));
    }

    private void eleven(RoutingContext rc, Runnable answer) {
        if (!KEY.equals(rc.request().getHeader("xi-api-key"))) {
            json(rc.response(), 401, new JsonObject().put("detail", new JsonObject().put("status", "invalid_api_key")
                    .put("message", "Invalid API key")));
            return;
        }
        answer.run();
    }

    /** Chunked audio, one chunk per event-loop turn; "HOLD" texts wait for the test after the first chunk. */
    private void speak(HttpServerResponse response, String text, String type) {
        speechCalls.incrementAndGet();
        byte[] audio = audioFor(text, chunksFor(text));
        response.setChunked(true).putHeader("Content-Type", type);
        boolean held = text.startsWith("HOLD");
        response.write(Buffer.buffer(java.util.Arrays.copyOfRange(audio, 0, CHUNK)));
        Runnable rest = () -> {
            for (int i = CHUNK; i < audio.length; i += CHUNK) {
                response.write(Buffer.buffer(java.util.Arrays.copyOfRange(audio, i, i + CHUNK)));
            }
            response.end();
        };
        if (held) {
            CountDownLatch latch = hold;
            vertx.executeBlocking(() -> latch.await(60, TimeUnit.SECONDS)).onComplete(done -> rest.run());
        } else {
            vertx.runOnContext(v -> rest.run());
        }
    }

    private boolean bearer(RoutingContext rc) {
        if (("Bearer " + KEY).equals(rc.request().getHeader("Authorization"))) {
            return true;
        }
        json(rc.response(), 401, new JsonObject().put("error", new JsonObject().put("message", "Incorrect API key provided")));
        return false;
    }

    private static byte[] read(FileUpload file) {
        try {
            return file == null ? new byte[0] : Files.readAllBytes(Path.of(file.uploadedFileName()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An EBML header with the "webm" doctype, as MediaRecorder's recordings start. */
    static boolean isWebm(byte[] bytes) {
        return bytes.length > 40 && (bytes[0] & 0xFF) == 0x1A && (bytes[1] & 0xFF) == 0x45 && (bytes[2] & 0xFF) == 0xDF
                && (bytes[3] & 0xFF) == 0xA3 && new String(bytes, 0, 40, StandardCharsets.ISO_8859_1).contains("webm");
    }

    private static void json(HttpServerResponse response, int status, Object body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
