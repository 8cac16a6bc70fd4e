package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.image.ImageLimits;
import dev.webui.common.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ComfyUI: the workflow, filled by {@link ComfyUiWorkflow}, is queued with {@code POST /prompt}
 * under a client id whose websocket ({@code /ws?clientId=}) was opened first; the run is over when
 * that socket says {@code executing} with no node for the prompt (an {@code execution_error} fails
 * it). The outputs are then read from {@code /history/{prompt_id}} and each image fetched from
 * {@code /view}. COMFYUI_API_KEY goes as a bearer token everywhere.
 */
@Singleton
public class ComfyUiEngine extends HttpImageEngine {
    static final String NAME = "comfyui";
    private static final String LABEL = "ComfyUI";
    private static final long SMALL_ANSWER = 4 * 1024 * 1024;
    /** The most images taken from one run (a workflow may save and preview many). */
    private static final int MAX_IMAGES = 10;


    public ComfyUiEngine(EngineHttp http, ObjectMapper mapper, ImageLimits limits) {
        super(NAME, LABEL, http, mapper, limits);
    }

    @Override
    public Future<List<GeneratedImage>> generate(ImageSettings settings, ImageRequest request) {
        String base = settings.comfyuiUrl();
        if (base.isEmpty()) {
            return noUrl();
        }
        ObjectNode workflow;
        try {
            workflow = ComfyUiWorkflow.fill(mapper, settings.comfyuiWorkflow(), settings.comfyuiNodes(), settings.modelOrDefault(),
                    request, settings.steps());
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
        Map<String, String> headers = headers(settings);
        String clientId = UUID.randomUUID().toString();
        String socketUrl = base.replaceFirst("^http://", "ws://").replaceFirst("^https://", "wss://") + "/ws?clientId=" + clientId;
        ObjectNode metadata = mapper.createObjectNode().put("prompt", request.prompt()).put("width", request.width())
                .put("height", request.height()).put("n", request.n());
        return http.webSocket(LABEL, socketUrl, headers).compose(socket -> {
            Run run = new Run(socket);
            long timer = http.vertx().setTimer(http.timeoutMs(),
                    t -> run.done.tryFail(new ApiException(504, LABEL + " did not finish the image in time")));
            ObjectNode queued = mapper.createObjectNode();
            queued.set("prompt", workflow);
            queued.put("client_id", clientId);
            Future<List<GeneratedImage>> images = http.json(LABEL, HttpMethod.POST, base + "/prompt", headers, queued, SMALL_ANSWER)
                    .compose(answer -> {
                        String promptId = answer.path("prompt_id").asText("");
                        if (promptId.isEmpty()) {
                            return Future.failedFuture(new ApiException(502, LABEL + " queued the workflow without a prompt id"));
                        }
                        run.await(promptId);
                        return run.done.future().map(v -> promptId);
                    })
                    .compose(promptId -> http.json(LABEL, HttpMethod.GET, base + "/history/" + promptId, headers, null, SMALL_ANSWER)
                            .map(history -> outputs(history.path(promptId))))
                    .compose(outputs -> fetch(base, headers, outputs, 0, new ArrayList<>(), metadata));
            return images.onComplete(r -> {
                http.vertx().cancelTimer(timer);
                socket.close();
            });
        });
    }

    /** The images of a run's outputs, each once, at most {@link #MAX_IMAGES}. */
    private static List<JsonNode> outputs(JsonNode run) {
        List<JsonNode> images = new ArrayList<>();
        for (JsonNode output : run.path("outputs")) {
            for (JsonNode image : output.path("images")) {
                if (images.size() < MAX_IMAGES && image.hasNonNull("filename")) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    /** One after the other, so that at most one image is being read at a time. */
    private Future<List<GeneratedImage>> fetch(String base, Map<String, String> headers, List<JsonNode> images, int index,
                                               List<GeneratedImage> got, JsonNode metadata) {
        if (index == images.size()) {
            return got.isEmpty() ? Future.failedFuture(new ApiException(502, LABEL + " finished without an image"))
                    : Future.succeededFuture(got);
        }
        JsonNode image = images.get(index);
        String query = "filename=" + encode(image.path("filename").asText()) + "&subfolder=" + encode(image.path("subfolder").asText(""))
                + "&type=" + encode(image.path("type").asText("output"));
        return http.image(LABEL, base + "/view?" + query, headers, maxImage, metadata).compose(one -> {
            got.add(one);
            return fetch(base, headers, images, index + 1, got, metadata);
        });
    }

    /** The model list ComfyUI offers for the workflow's model node (its loader's {@code *_name} input), from /object_info. */
    public Future<ArrayNode> models(ImageSettings settings) {
        return http.json(LABEL, HttpMethod.GET, settings.comfyuiUrl() + "/object_info", headers(settings), null, 64L * 1024 * 1024)
                .map(info -> {
                    String loader = "CheckpointLoaderSimple";
                    String listKey = "ckpt_name";
                    String modelNode = modelNode(settings.comfyuiNodes());
                    if (modelNode != null) {
                        try {
                            loader = mapper.readTree(settings.comfyuiWorkflow()).path(modelNode).path("class_type").asText(loader);
                        } catch (Exception e) {
                            throw ApiException.badRequest("COMFYUI_WORKFLOW is not valid JSON (Admin > Images)");
                        }
                        listKey = null;
                        var names = info.path(loader).path("input").path("required").fieldNames();
                        while (names.hasNext() && listKey == null) {
                            String name = names.next();
                            listKey = name.contains("_name") ? name : null;
                        }
                    }
                    ArrayNode out = JsonNodeFactory.instance.arrayNode();
                    if (listKey != null) {
                        for (JsonNode model : info.path(loader).path("input").path("required").path(listKey).path(0)) {
                            out.addObject().put("id", model.asText()).put("name", model.asText());
                        }
                    }
                    return out;
                });
    }

    /** {@code GET /object_info} answers: ComfyUI is there. */
    public Future<Void> verify(ImageSettings settings) {
        return http.json(LABEL, HttpMethod.GET, settings.comfyuiUrl() + "/object_info", headers(settings), null, 64L * 1024 * 1024)
                .mapEmpty();
    }

    private static String modelNode(JsonNode nodes) {
        if (nodes == null) {
            return null;
        }
        for (JsonNode node : nodes) {
            if ("model".equals(node.path("type").asText())) {
                return node.path("node_ids").path(0).isMissingNode() ? null : node.path("node_ids").path(0).asText();
            }
        }
        return null;
    }

    private static Map<String, String> headers(ImageSettings settings) {
        return settings.comfyuiKey().isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + settings.comfyuiKey());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * What the websocket said about the runs of this client; the prompt id is known only once the
     * queue answered, and the run may end before that.
     */
    private final class Run {
        final Promise<Void> done = Promise.promise();
        final Set<String> finished = new HashSet<>();
        final Map<String, String> failed = new HashMap<>();
        String promptId;

        Run(WebSocket socket) {
            socket.textMessageHandler(this::message);
            socket.binaryMessageHandler(preview -> { });
            socket.exceptionHandler(e -> done.tryFail(new ApiException(502, LABEL + "'s websocket failed")));
            socket.closeHandler(v -> done.tryFail(new ApiException(502, LABEL + " closed its websocket before the image was done")));
        }

        void await(String id) {
            promptId = id;
            settle();
        }

        private void message(String text) {
            JsonNode message;
            try {
                message = mapper.readTree(text);
            } catch (Exception e) {
                return;
            }
            JsonNode data = message.path("data");
            String id = data.path("prompt_id").asText("");
            switch (message.path("type").asText()) {
                case "executing" -> {
                    if (data.has("node") && data.get("node").isNull()) {
                        finished.add(id);
                    }
                }
                case "execution_success" -> finished.add(id);
                case "execution_error" -> failed.put(id, data.path("exception_message").asText("the workflow failed").strip());
                default -> { }
            }
            settle();
        }

        private void settle() {
            if (promptId == null) {
                return;
            }
            if (failed.containsKey(promptId)) {
                done.tryFail(new ApiException(502, LABEL + " could not run the workflow: " + failed.get(promptId)));
            } else if (finished.contains(promptId)) {
                done.tryComplete();
            }
        }
    }
}
