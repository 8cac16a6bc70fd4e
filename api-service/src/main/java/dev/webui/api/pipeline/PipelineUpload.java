package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.connection.Connection;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * POST {url}/pipelines/upload: the admin's .py file forwarded as multipart {@code file}, streamed
 * from the temporary file Quarkus wrote (never held in memory).
 */
@ApplicationScoped
public class PipelineUpload {
    private final PipelineServerClient client;

    public PipelineUpload(PipelineServerClient client) {
        this.client = client;
    }

    public Uni<JsonNode> send(Connection connection, FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("'file' is required");
        }
        String name = baseName(file.fileName());
        if (!name.endsWith(".py") || name.length() == 3) {
            throw ApiException.badRequest("Only Python (.py) files are allowed.");
        }
        String boundary = "----webui-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name.replace("\"", "") + "\"\r\nContent-Type: text/x-python\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file.uploadedFile()),
                    HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            throw ApiException.badRequest("The uploaded file could not be read");
        }
        return client.body(connection, "/pipelines/upload", "multipart/form-data; boundary=" + boundary, body);
    }

    /** The name without any directory part, as Open WebUI keeps it. */
    static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
