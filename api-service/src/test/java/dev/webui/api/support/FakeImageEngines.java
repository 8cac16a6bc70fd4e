package dev.webui.api.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Image engines for tests on one loopback server (TCP_NODELAY), each speaking its real wire format:
 * <ul>
 *   <li>OpenAI: {@code POST /v1/images/generations} (bearer {@link #OPENAI_KEY}); answers {@code b64_json}, or a
 *   {@code url} under {@code /files/} in {@link #openAiMode} {@code url}, an image larger than 1 MB in {@code huge};
 *   the prompt {@code refuse} gets a 400 with an OpenAI error body</li>
 *   <li>Automatic1111: {@code /sdapi/v1/txt2img}, {@code /sdapi/v1/options} (GET and POST), {@code /sdapi/v1/sd-models},
 *   basic auth {@link #A1111_AUTH}</li>
 *   <li>ComfyUI: {@code /ws?clientId=} (websocket), {@code POST /prompt}, {@code /history/{id}}, {@code /view},
 *   {@code /object_info}; bearer {@link #COMFY_KEY}. A run whose prompt text is {@code fail} ends with an
 *   {@code execution_error}. The run's end is sent on the websocket before /prompt answers.</li>
 *   <li>Gemini: {@code POST /v1beta/models/{model}:predict} with {@code x-goog-api-key}</li>
 * </ul>
 * Every JSON request body is kept in {@link #requests} by path, every header of interest in {@link #headers}.
 */
public final class FakeImageEngines implements AutoCloseable {
    public static final String OPENAI_KEY = "sk-images-fake";
    public static final String A1111_AUTH = "painter:secret";
    public static final String COMFY_KEY = "comfy-key";
    public static final String GEMINI_KEY = "gm-fake";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public volatile String openAiMode = "b64";
    public final Map<String, List<JsonObject>> requests = new ConcurrentHashMap<>();
    public final List<String> headers = new CopyOnWriteArrayList<>();
    /** Client ids of the websockets ComfyUI accepted. */
    public final List<String> comfyClients = new CopyOnWriteArrayList<>();
    private final Map<String, ServerWebSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, String> runs = new ConcurrentHashMap<>();
    private final AtomicInteger promptIds = new AtomicInteger();
    public volatile String checkpoint = "v1-5-pruned.safetensors";

    public FakeImageEngines() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                .requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** A small PNG followed by a marker, so each engine's image can be told apart. */
    public static byte[] image(String marker) {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        byte[] tail = marker.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[png.length + tail.length];
        System.arraycopy(png, 0, out, 0, png.length);
        System.arraycopy(tail, 0, out, png.length, tail.length);
        return out;
    }

    public List<JsonObject> requests(String path) {
        return requests.getOrDefault(path, List.of());
    }

    private void handle(HttpServerRequest request) {
        if (request.path().equals("/ws")) {
            // the upgrade is taken here, not by a websocket handler, so that this server alone decides it
            if (!("Bearer " + COMFY_KEY).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end();
                return;
            }
            String clientId = String.valueOf(request.getParam("clientId"));
            request.toWebSocket().onSuccess(socket -> socket(clientId, socket));
            return;
        }
        request.body().onSuccess(body -> {
            String path = request.path();
            JsonObject json = body.length() > 0 ? body.toJsonObject() : new JsonObject();
            requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(json);
            headers.add(path + " " + request.getHeader("Authorization") + " " + request.getHeader("x-goog-api-key"));
            if (path.startsWith("/v1/")) {
                openAi(request, path, json);
            } else if (path.startsWith("/sdapi/")) {
                automatic1111(request, path, json);
            } else if (path.startsWith("/v1beta/")) {
                gemini(request, json);
            } else {
                comfy(request, path, json);
            }
        });
    }

    private void openAi(HttpServerRequest request, String path, JsonObject body) {
        if (path.startsWith("/v1/files/")) {
            request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(image("openai-url")));
            return;
        }
        if (!("Bearer " + OPENAI_KEY).equals(request.getHeader("Authorization"))) {
            error(request, 401, "Incorrect API key provided");
            return;
        }
        if ("refuse".equals(body.getString("prompt"))) {
            error(request, 400, "Your request was rejected by the safety system");
            return;
        }
        JsonObject item = switch (openAiMode) {
            case "url" -> new JsonObject().put("url", baseUrl() + "/v1/files/img-1.png");
            case "huge" -> new JsonObject().put("b64_json", Base64.getEncoder().encodeToString(new byte[1536 * 1024]));
            default -> new JsonObject().put("b64_json", Base64.getEncoder().encodeToString(image("openai")))
                    .put("revised_prompt", body.getString("prompt"));
        };
        json(request, new JsonObject().put("created", 1700000000).put("data", new JsonArray().add(item)));
    }

    private void automatic1111(HttpServerRequest request, String path, JsonObject body) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(A1111_AUTH.getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("detail", "Not authenticated").encode());
            return;
        }
        switch (path) {
            case "/sdapi/v1/txt2img" -> {
                JsonArray images = new JsonArray();
                for (int i = 0; i < body.getInteger("batch_size", 1); i++) {
                    images.add(Base64.getEncoder().encodeToString(image("a1111-" + i)));
                }
                json(request, new JsonObject().put("images", images).put("parameters", body)
                        .put("info", new JsonObject().put("seed", 42).put("sd_model_name", checkpoint).encode()));
            }
            case "/sdapi/v1/options" -> {
                if (request.method().name().equals("POST")) {
                    checkpoint = body.getString("sd_model_checkpoint", checkpoint);
                    json(request, null);
                } else {
                    json(request, new JsonObject().put("sd_model_checkpoint", checkpoint).put("samples_format", "png"));
                }
            }
            case "/sdapi/v1/sd-models" -> request.response().putHeader("Content-Type", "application/json").end(new JsonArray()
                    .add(new JsonObject().put("title", "v1-5-pruned.safetensors [6ce0161689]").put("model_name", "v1-5-pruned"))
                    .add(new JsonObject().put("title", "sdxl.safetensors [31e35c80fc]").put("model_name", "sdxl")).encode());
            default -> request.response().setStatusCode(404).end();
        }
    }

    private void gemini(HttpServerRequest request, JsonObject body) {
        if (!GEMINI_KEY.equals(request.getHeader("x-goog-api-key"))) {
            error(request, 403, "API key not valid");
            return;
        }
        json(request, new JsonObject().put("predictions", new JsonArray().add(new JsonObject().put("mimeType", "image/png")
                .put("bytesBase64Encoded", Base64.getEncoder().encodeToString(image("gemini"))))));
    }

    private void socket(String clientId, ServerWebSocket socket) {
        comfyClients.add(clientId);
        sockets.put(clientId, socket);
        socket.writeTextMessage(new JsonObject().put("type", "status").put("data", new JsonObject()
                .put("status", new JsonObject().put("exec_info", new JsonObject().put("queue_remaining", 0)))
                .put("sid", clientId)).encode());
    }

    private void comfy(HttpServerRequest request, String path, JsonObject body) {
        if (!("Bearer " + COMFY_KEY).equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).end("Unauthorized");
            return;
        }
        if (path.equals("/prompt")) {
            String id = "prompt-" + promptIds.incrementAndGet();
            JsonObject workflow = body.getJsonObject("prompt");
            ServerWebSocket socket = sockets.get(body.getString("client_id"));
            boolean fail = workflow.stream().anyMatch(node -> "fail".equals(((JsonObject) node.getValue())
                    .getJsonObject("inputs", new JsonObject()).getValue("text")));
            runs.put(id, body.getString("client_id"));
            if (socket != null) {
                // the run ends before the queue's answer reaches the caller
                socket.writeTextMessage(event("execution_start", id, null));
                socket.writeTextMessage(new JsonObject().put("type", "executing")
                        .put("data", new JsonObject().put("node", "3").put("prompt_id", id)).encode());
                socket.writeBinaryMessage(Buffer.buffer(new byte[]{0, 0, 0, 1, 0, 0, 0, 2}).appendBytes(image("preview")));
                socket.writeTextMessage(fail ? event("execution_error", id, "CUDA out of memory")
                        : new JsonObject().put("type", "executing").put("data", new JsonObject().putNull("node").put("prompt_id", id)).encode());
            }
            json(request, new JsonObject().put("prompt_id", id).put("number", promptIds.get()).put("node_errors", new JsonObject()));
        } else if (path.startsWith("/history/")) {
            String id = path.substring("/history/".length());
            JsonObject image = new JsonObject().put("filename", "ComfyUI_00001_.png").put("subfolder", "").put("type", "output");
            json(request, new JsonObject().put(id, new JsonObject().put("prompt", new JsonArray())
                    .put("outputs", new JsonObject().put("9", new JsonObject().put("images", new JsonArray().add(image))))
                    .put("status", new JsonObject().put("status_str", "success").put("completed", true))));
        } else if (path.equals("/view")) {
            if (!"ComfyUI_00001_.png".equals(request.getParam("filename")) || !"output".equals(request.getParam("type"))) {
                request.response().setStatusCode(404).end();
                return;
            }
            request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(image("comfyui")));
        } else if (path.equals("/object_info")) {
            JsonObject required = new JsonObject().put("ckpt_name", new JsonArray().add(new JsonArray()
                    .add("dreamshaper_8.safetensors").add("sd_xl_base_1.0.safetensors")));
            json(request, new JsonObject().put("CheckpointLoaderSimple", new JsonObject()
                    .put("input", new JsonObject().put("required", required))));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private static String event(String type, String promptId, String message) {
        JsonObject data = new JsonObject().put("prompt_id", promptId).put("timestamp", 1700000000000L);
        if (message != null) {
            data.put("node_id", "3").put("node_type", "KSampler").put("exception_message", message + "\n")
                    .put("exception_type", "torch.OutOfMemoryError");
        }
        return new JsonObject().put("type", type).put("data", data).encode();
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body == null ? "null" : body.encode());
    }

    private static void error(HttpServerRequest request, int status, String message) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("message", message).put("type", "invalid_request_error")
                        .putNull("param").putNull("code")).encode());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
