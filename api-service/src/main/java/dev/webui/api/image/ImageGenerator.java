package dev.webui.api.image;

import dev.webui.api.calls.ServiceRefused;
import dev.webui.api.calls.ServiceUnavailable;
import dev.webui.api.fileservice.FileService;
import dev.webui.api.image.engine.GeneratedImage;
import dev.webui.api.image.engine.ImageEngine;
import dev.webui.api.image.engine.ImageRequest;
import dev.webui.api.image.engine.ImageSettings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates images with the configured engine and stores each as a file of the user in
 * file-service (uploaded with their Authorization, so only they, and admins, may read it); answers
 * the files' content URLs, as Open WebUI does.
 */
@ApplicationScoped
public class ImageGenerator {
    /** The most images one request may ask for: each is held in memory until stored. */
    public static final int MAX_IMAGES = 4;
    private static final Pattern SIZE = Pattern.compile("^(\\d{1,5})x(\\d{1,5})$");
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", ".png", "image/jpeg", ".jpg",
            "image/webp", ".webp", "image/gif", ".gif");

    private final SettingsStore settings;
    private final Map<String, ImageEngine> engines;
    private final FileService files;

    public ImageGenerator(SettingsStore settings, Instance<ImageEngine> engines, FileService files) {
        this.settings = settings;
        this.engines = engines.stream().collect(Collectors.toMap(ImageEngine::name, Function.identity()));
        this.files = files;
    }

    /**
     * The request for a prompt, with the size asked (else IMAGE_SIZE when it is WxH, else 512x512)
     * and {@code n} images (1 to {@link #MAX_IMAGES}).
     */
    public ImageRequest request(String prompt, String negativePrompt, String size, int n) {
        if (prompt == null || prompt.isBlank()) {
            throw ApiException.badRequest("'prompt' must be a non-empty string");
        }
        if (n < 1 || n > MAX_IMAGES) {
            throw ApiException.badRequest("'n' must be between 1 and " + MAX_IMAGES);
        }
        String configured = settings.text(Settings.IMAGE_SIZE);
        configured = configured == null ? "" : configured.strip();
        String asked = size == null ? "" : size.strip();
        if (!asked.isEmpty() && !"auto".equals(asked) && !SIZE.matcher(asked).matches()) {
            throw ApiException.badRequest("'size' must look like 512x512 (or auto with gpt-image-1)");
        }
        String dimensions = asked.contains("x") ? asked : configured.contains("x") ? configured : "512x512";
        Matcher match = SIZE.matcher(dimensions);
        if (!match.matches()) {
            throw ApiException.badRequest("IMAGE_SIZE must look like 512x512 (Admin > Images)");
        }
        // OpenAI-compatible engines get the size as asked, else as configured (which may be "auto")
        String engineSize = !asked.isEmpty() ? asked : !configured.isEmpty() ? configured : dimensions;
        return new ImageRequest(prompt, negativePrompt, n, engineSize, Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
    }

    /** Generates and stores the images; each answer is {@code /api/v1/files/{id}/content}. */
    public Uni<List<String>> generate(String authorization, ImageRequest request) {
        ImageSettings current = ImageSettings.of(settings);
        ImageEngine engine = engines.get(current.engine().isEmpty() ? "automatic1111" : current.engine());
        if (engine == null) {
            return Uni.createFrom().failure(ApiException.badRequest("Unknown image engine '" + current.engine() + "' (Admin > Images)"));
        }
        return Uni.createFrom().completionStage(() -> engine.generate(current, request).toCompletionStage())
                .chain(images -> store(authorization, new ArrayList<>(images), 0, new ArrayList<>()));
    }

    private Uni<List<String>> store(String authorization, List<GeneratedImage> images, int index, List<String> urls) {
        if (index == images.size()) {
            return Uni.createFrom().item(urls);
        }
        GeneratedImage image = images.get(index);
        String name = "generated-image" + EXTENSIONS.getOrDefault(image.contentType(), "");
        String metadata = image.metadata() == null ? null : image.metadata().toString();
        return files.upload(authorization, name, image.contentType(), image.data(), metadata)
                .onFailure(ServiceRefused.class).transform(e -> new ApiException(((ServiceRefused) e).status(),
                        "The image could not be stored: " + e.getMessage()))
                .onFailure(ServiceUnavailable.class).transform(e -> new ApiException(502,
                        "The image could not be stored: " + e.getMessage()))
                .chain(file -> {
                    String id = file.path("id").asText("");
                    if (id.isEmpty()) {
                        return Uni.createFrom().failure(new ApiException(502, "file-service stored the image without an id"));
                    }
                    urls.add("/api/v1/files/" + id + "/content");
                    images.set(index, null);
                    return store(authorization, images, index + 1, urls);
                });
    }
}
