package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.image.ImageLimits;
import dev.webui.common.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Google's Imagen through the Gemini API: {@code POST {base}/models/{model}:predict} with the key in
 * {@code x-goog-api-key}; the answer's {@code predictions} carry {@code bytesBase64Encoded} PNGs.
 */
@Singleton
public class GeminiImageEngine extends HttpImageEngine {
    static final String NAME = "gemini";
    private static final String LABEL = "Gemini";


    public GeminiImageEngine(EngineHttp http, ObjectMapper mapper, ImageLimits limits) {
        super(NAME, LABEL, http, mapper, limits);
    }

    @Override
    public Future<List<GeneratedImage>> generate(ImageSettings settings, ImageRequest request) {
        if (settings.geminiUrl().isEmpty()) {
            return noUrl();
        }
        ObjectNode body = mapper.createObjectNode();
        body.putObject("instances").put("prompt", request.prompt());
        ObjectNode parameters = body.putObject("parameters").put("sampleCount", request.n());
        parameters.putObject("outputOptions").put("mimeType", "image/png");
        String url = settings.geminiUrl() + "/models/" + URLEncoder.encode(settings.modelOrDefault(), StandardCharsets.UTF_8)
                .replace("%3A", ":") + ":predict";
        long answerLimit = base64Answer(request.n(), 64 * 1024);
        return http.json(LABEL, HttpMethod.POST, url, Map.of("x-goog-api-key", settings.geminiKey()), body, answerLimit)
                .compose(answer -> {
                    JsonNode predictions = answer.get("predictions");
                    if (predictions == null || !predictions.isArray() || predictions.isEmpty()) {
                        return Future.failedFuture(new ApiException(502, LABEL + " answered without images"));
                    }
                    List<GeneratedImage> out = new ArrayList<>();
                    for (JsonNode prediction : predictions) {
                        String type = prediction.path("mimeType").asText("image/png");
                        String data = prediction.path("bytesBase64Encoded").asText(null);
                        out.add(Base64Images.decode(LABEL, data == null ? null : "data:" + type + ";base64," + data, maxImage, body));
                    }
                    return Future.succeededFuture(out);
                });
    }
}
