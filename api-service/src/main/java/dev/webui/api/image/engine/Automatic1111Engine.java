package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.image.ImageLimits;
import dev.webui.common.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Stable Diffusion web UI (AUTOMATIC1111): {@code POST /sdapi/v1/txt2img} answers base64 images;
 * {@code /sdapi/v1/options} holds the loaded checkpoint, {@code /sdapi/v1/sd-models} the others.
 * AUTOMATIC1111_API_AUTH ({@code user:password}) goes as HTTP basic auth.
 */
@Singleton
public class Automatic1111Engine extends HttpImageEngine {
    static final String NAME = "automatic1111";
    private static final String LABEL = "Automatic1111";
    private static final long SMALL_ANSWER = 4 * 1024 * 1024;


    public Automatic1111Engine(EngineHttp http, ObjectMapper mapper, ImageLimits limits) {
        super(NAME, LABEL, http, mapper, limits);
    }

    @Override
    public Future<List<GeneratedImage>> generate(ImageSettings settings, ImageRequest request) {
        if (settings.automatic1111Url().isEmpty()) {
            return noUrl();
        }
        ObjectNode body = mapper.createObjectNode().put("prompt", request.prompt()).put("batch_size", request.n())
                .put("width", request.width()).put("height", request.height());
        if (settings.steps() != null) {
            body.put("steps", settings.steps());
        }
        if (request.negativePrompt() != null) {
            body.put("negative_prompt", request.negativePrompt());
        }
        if (settings.cfgScale() != null && settings.cfgScale() != 0) {
            body.put("cfg_scale", settings.cfgScale());
        }
        if (!settings.sampler().isEmpty()) {
            body.put("sampler_name", settings.sampler());
        }
        if (!settings.scheduler().isEmpty()) {
            body.put("scheduler", settings.scheduler());
        }
        long answerLimit = base64Answer(request.n(), SMALL_ANSWER);
        return http.json(LABEL, HttpMethod.POST, settings.automatic1111Url() + "/sdapi/v1/txt2img", headers(settings), body, answerLimit)
                .compose(answer -> {
                    JsonNode images = answer.get("images");
                    if (images == null || !images.isArray() || images.isEmpty()) {
                        return Future.failedFuture(new ApiException(502, LABEL + " answered without images"));
                    }
                    ObjectNode metadata = body.deepCopy();
                    metadata.set("info", answer.path("info"));
                    List<GeneratedImage> out = new ArrayList<>();
                    for (JsonNode image : images) {
                        out.add(Base64Images.decode(LABEL, image.asText(null), maxImage, metadata));
                    }
                    return Future.succeededFuture(out);
                });
    }

    /** The options, with the loaded checkpoint under {@code sd_model_checkpoint}. */
    public Future<JsonNode> options(ImageSettings settings) {
        return http.json(LABEL, HttpMethod.GET, settings.automatic1111Url() + "/sdapi/v1/options", headers(settings), null, SMALL_ANSWER);
    }

    /** Loads another checkpoint unless it is the one loaded. */
    public Future<Void> useModel(ImageSettings settings, String model) {
        return options(settings).compose(options -> {
            if (model.equals(options.path("sd_model_checkpoint").asText())) {
                return Future.succeededFuture();
            }
            // the answer to a change is null (or nothing): only its status counts
            Buffer change = Buffer.buffer(mapper.createObjectNode().put("sd_model_checkpoint", model).toString());
            return http.send(LABEL, HttpMethod.POST, settings.automatic1111Url() + "/sdapi/v1/options", headers(settings), change,
                    SMALL_ANSWER).compose(answer -> answer.ok() ? Future.<Void>succeededFuture()
                    : Future.failedFuture(http.refused(LABEL, answer)));
        });
    }

    /** {@code [{id: title, name: model_name}]} from /sdapi/v1/sd-models. */
    public Future<ArrayNode> models(ImageSettings settings) {
        return http.send(LABEL, HttpMethod.GET, settings.automatic1111Url() + "/sdapi/v1/sd-models", headers(settings), null, SMALL_ANSWER)
                .compose(answer -> {
                    if (!answer.ok()) {
                        return Future.failedFuture(http.refused(LABEL, answer));
                    }
                    try {
                        JsonNode list = mapper.readTree(answer.body().getBytes());
                        ArrayNode out = JsonNodeFactory.instance.arrayNode();
                        for (JsonNode model : list) {
                            out.addObject().put("id", model.path("title").asText()).put("name", model.path("model_name").asText());
                        }
                        return Future.succeededFuture(out);
                    } catch (Exception e) {
                        return Future.failedFuture(new ApiException(502, LABEL + " sent a model list that is not JSON"));
                    }
                });
    }

    private static Map<String, String> headers(ImageSettings settings) {
        if (settings.automatic1111Auth().isEmpty()) {
            return Map.of();
        }
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                settings.automatic1111Auth().getBytes(StandardCharsets.UTF_8)));
    }
}
