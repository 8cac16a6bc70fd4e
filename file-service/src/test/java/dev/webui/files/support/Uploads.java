package dev.webui.files.support;

import io.restassured.response.ValidatableResponse;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Helpers for tests that upload files and look at what the service left behind. */
public final class Uploads {
    private Uploads() {
    }

    public static ValidatableResponse upload(String token, String name, byte[] bytes, String contentType) {
        return given().auth().oauth2(token).multiPart("file", name, bytes, contentType)
                .post("/api/v1/files/").then();
    }

    /** A multipart upload whose file name is sent as raw UTF-8, as browsers do. */
    public static String uploadUtf8Name(String token, String name, byte[] bytes) {
        String boundary = "----boundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return given().auth().oauth2(token).contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .post("/api/v1/files/").then().statusCode(200).extract().path("id");
    }

    public static String uploadOk(String token, String name, byte[] bytes, String contentType) {
        return upload(token, name, bytes, contentType).statusCode(200).extract().path("id");
    }

    public static Path uploadDir() {
        return Path.of(ConfigProvider.getConfig().getValue("UPLOAD_DIR", String.class)).toAbsolutePath();
    }

    /** Stored objects (not the in-flight directory). */
    public static List<Path> storedFiles() {
        try (Stream<Path> files = Files.list(uploadDir())) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> incomingFiles() {
        Path incoming = uploadDir().resolve(".incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until nothing is left in the in-flight directory: the HTTP layer deletes a request's
     * uploads when the request ends, which may be just after the client has read the response.
     */
    public static boolean awaitNoIncomingFiles() {
        try {
            await("no in-flight uploads").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> incomingFiles().isEmpty());
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Polls the file until processing has finished and returns its final status. */
    public static String awaitProcessed(String token, String id) {
        return await("file " + id + " processed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/v1/files/" + id).then().statusCode(200)
                        .extract().<String>path("data.status"), status -> !"pending".equals(status));
    }
}
