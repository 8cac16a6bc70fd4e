package dev.webui.api.audio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body of text fields and one file, sent with its exact length while the
 * file is piped from disk: a recording never sits in memory on its way to the engine.
 */
public final class MultipartBody implements EngineBody {
    private final String boundary = "----webui" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final String fileField;
    private final Recording file;

    public MultipartBody(String fileField, Recording file) {
        this.fileField = fileField;
        this.file = file;
    }

    public MultipartBody field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public Future<HttpClientResponse> send(Vertx vertx, HttpClientRequest request) {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(fileField)).append("\"; filename=\"")
                .append(quote(file.name())).append("\"\r\n")
                .append("Content-Type: ").append(file.contentType()).append("\r\n\r\n");
        Buffer preamble = Buffer.buffer(head.toString().getBytes(StandardCharsets.UTF_8));
        Buffer epilogue = Buffer.buffer(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        request.putHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
        request.putHeader("Content-Length", String.valueOf(preamble.length() + file.size() + epilogue.length()));
        return EngineBody.sendFile(vertx, request, file.path(), preamble, epilogue);
    }

    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}
