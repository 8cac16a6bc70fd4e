package dev.webui.files.processing;

import dev.webui.common.testing.PackagedService;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 600 KB Word document that unpacks to 200 MB of XML, uploaded to the packaged service with a
 * 96 MB heap and the images' exit-on-OOM flag: the file ends failed with a reason, the service
 * answers afterwards and its RSS stays bounded.
 */
class ZipBombIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aZipBombFailsWithAReasonAndTheServiceSurvives() throws Exception {
        byte[] bomb = Fixtures.zipBombDocx(200);
        try (PackagedService service = PackagedService.start(List.of("-Xmx96m", "-XX:+ExitOnOutOfMemoryError"),
                Map.of("UPLOAD_DIR", java.nio.file.Files.createTempDirectory("uploads").toString()))) {
            TestUser user = service.user("user");
            long before = service.rssMb();
            String boundary = "bomb" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bomb.docx\"\r\n"
                    + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bomb);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(service.uri("/api/v1/files/"))
                    .header("Authorization", "Bearer " + user.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            String id = uploaded.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");

            String status = "";
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline) && service.alive()) {
                status = http.send(HttpRequest.newBuilder(service.uri("/api/v1/files/" + id + "/process/status"))
                        .header("Authorization", "Bearer " + user.token()).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (!status.contains("\"pending\"")) {
                    break;
                }
                Thread.sleep(250);
            }
            assertTrue(service.alive(), "the service survives:\n" + service.log());
            assertTrue(status.contains("\"status\":\"failed\"") && status.contains("FILE_MAX_UNPACKED_SIZE"), status);
            assertEquals(200, service.status("/health"), "the service still answers");
            long after = service.rssMb();
            System.out.printf("file-service RSS before %d MB, after a 200 MB zip bomb %d MB%n", before, after);
            assertTrue(after - before < 150, "RSS grew from " + before + " MB to " + after + " MB");
        }
    }
}
