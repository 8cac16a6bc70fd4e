package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.image.ImageLimits;
import dev.webui.common.error.ApiException;
import io.vertx.core.Future;

import java.util.List;

/**
 * What every engine shares: its name, the bounded HTTP client, the JSON mapper and the image size
 * limit. Engines are {@code @Singleton}s: a client proxy would need a no-argument constructor here.
 */
abstract class HttpImageEngine implements ImageEngine {
    private final String name;
    protected final String label;
    protected final EngineHttp http;
    protected final ObjectMapper mapper;
    protected final long maxImage;

    protected HttpImageEngine(String name, String label, EngineHttp http, ObjectMapper mapper, ImageLimits limits) {
        this.name = name;
        this.label = label;
        this.http = http;
        this.mapper = mapper;
        this.maxImage = limits.maxImageBytes();
    }

    @Override
    public String name() {
        return name;
    }

    /** The limit of a JSON answer carrying {@code n} base64 images besides {@code rest} bytes of other fields. */
    protected long base64Answer(int n, long rest) {
        return maxImage / 3 * 4 * n + rest;
    }

    protected Future<List<GeneratedImage>> noUrl() {
        return Future.failedFuture(ApiException.badRequest(label + " has no URL (Admin > Images)"));
    }
}
