package dev.webui.api.image.engine;

import io.vertx.core.Future;

import java.util.List;

/**
 * An image generation engine (IMAGE_GENERATION_ENGINE). Fails with an
 * {@link dev.webui.common.error.ApiException}: 400 for a request or configuration the engine cannot
 * take, 502 for an engine that refused, broke or sent too much, 504 for one that took too long.
 */
public interface ImageEngine {
    /** The engine's name in IMAGE_GENERATION_ENGINE. */
    String name();

    Future<List<GeneratedImage>> generate(ImageSettings settings, ImageRequest request);
}
