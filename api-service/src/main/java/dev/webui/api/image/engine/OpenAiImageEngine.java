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
 * OpenAI-compatible servers: {@code POST {base}/images/generations} (with {@code ?api-version=} for
 * Azure when set). Images come back as {@code b64_json} or as a {@code url} that is then downloaded
 * (without the API key: the link may point to another host). gpt-image-1 always answers base64 and
 * takes no {@code response_format}.
 */
@Singleton
public class OpenAiImageEngine extends HttpImageEngine {
    static final String NAME = "openai";
    private static final String LABEL = "The OpenAI image engine";


    public OpenAiImageEngine(EngineHttp http, ObjectMapper mapper, ImageLimits limits) {
        super(NAME, LABEL, http, mapper, limits);
    }

    @Override
    public Future<List<GeneratedImage>> generate(ImageSettings settings, ImageRequest request) {
        if (settings.openaiUrl().isEmpty()) {
            return noUrl();
        }
        String model = settings.modelOrDefault();
        ObjectNode body = mapper.createObjectNode().put("model", model).put("prompt", request.prompt()).put("n", request.n())
                .put("size", request.size());
        if (!settings.model().contains("gpt-image-1")) {
            body.put("response_format", "b64_json");
        }
        String url = settings.openaiUrl() + "/images/generations" + (settings.openaiVersion().isEmpty() ? ""
                : "?api-version=" + URLEncoder.encode(settings.openaiVersion(), StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Authorization", "Bearer " + settings.openaiKey());
        long answerLimit = base64Answer(request.n(), 64 * 1024);
        return http.json(LABEL, HttpMethod.POST, url, headers, body, answerLimit).compose(answer -> {
            JsonNode data = answer.get("data");
            if (data == null || !data.isArray() || data.isEmpty()) {
                return Future.failedFuture(new ApiException(502, LABEL + " answered without images"));
            }
            List<Future<GeneratedImage>> images = new ArrayList<>();
            for (JsonNode item : data) {
                String link = item.path("url").asText("");
                if (!link.isEmpty()) {
                    images.add(http.image(LABEL, link, Map.of(), maxImage, body));
                } else {
                    try {
                        images.add(Future.succeededFuture(Base64Images.decode(LABEL, item.path("b64_json").asText(null), maxImage, body)));
                    } catch (ApiException e) {
                        images.add(Future.failedFuture(e));
                    }
                }
            }
            return Future.all(images).map(all -> all.<GeneratedImage>list());
        });
    }
}
