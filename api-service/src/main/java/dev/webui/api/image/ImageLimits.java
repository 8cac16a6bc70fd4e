package dev.webui.api.image;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Environment-only bounds of image generation (ours; Open WebUI has none). */
@ConfigMapping(prefix = "")
public interface ImageLimits {
    /** IMAGES_ENGINE_TIMEOUT_SECONDS: how long an engine may take for one generation (ComfyUI: queue and run). */
    @WithName("IMAGES_ENGINE_TIMEOUT_SECONDS")
    @WithDefault("300")
    int timeoutSeconds();

    /** IMAGES_MAX_IMAGE_MB: the largest image taken from an engine; a larger one fails the generation (502). */
    @WithName("IMAGES_MAX_IMAGE_MB")
    @WithDefault("10")
    int maxImageMb();

    default long maxImageBytes() {
        return Math.max(1, maxImageMb()) * 1024L * 1024L;
    }
}
