package dev.webui.api.audio;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/** One call to a speech engine: where, with which headers and body. {@code engine} names the engine in error messages. */
public record EngineRequest(String engine, HttpMethod method, String url, Map<String, String> headers, EngineBody body) {

    public static EngineRequest get(String engine, String url) {
        return new EngineRequest(engine, HttpMethod.GET, url, new LinkedHashMap<>(), null);
    }

    public static EngineRequest post(String engine, String url, String contentType, Buffer body) {
        return post(engine, url, EngineBody.bytes(body)).header("Content-Type", contentType);
    }

    public static EngineRequest post(String engine, String url, EngineBody body) {
        return new EngineRequest(engine, HttpMethod.POST, url, new LinkedHashMap<>(), body);
    }

    public EngineRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static String stripSlash(String url) {
        String trimmed = url == null ? "" : url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
