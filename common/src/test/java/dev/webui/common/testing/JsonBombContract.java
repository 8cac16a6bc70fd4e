package dev.webui.common.testing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 45 MB JSON body of millions of tiny objects sent to a route of the packaged service, which runs
 * with a small heap and the images' exit-on-OOM flag: refused with a detail whether its length is
 * declared or not, and the service still answers afterwards with its RSS bounded.
 */
public abstract class JsonBombContract {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A route taking a JSON object, and a field of that object which holds an object. */
    protected abstract String path();

    protected abstract String field();

    @Test
    void millionsOfTinyObjectsAreRefusedWithoutFillingTheHeap() throws Exception {
        byte[] bomb = JsonBomb.tinyObjects(field(), 45);
        try (PackagedService service = PackagedService.start(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), Map.of())) {
            TestUsers.TestUser user = service.user("user");
            long before = service.rssMb();
            for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(bomb),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bomb)))) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path()))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(413, response.statusCode(), response.body());
                assertTrue(response.body().startsWith("{\"detail\":\"The request body "), response.body());
                assertTrue(service.alive(), "the service survives:\n" + service.log());
            }
            assertEquals(200, service.status("/health"), "the service still answers");
            long after = service.rssMb();
            System.out.printf("%s: RSS %d MB before, %d MB after two 45 MB JSON bombs%n", path(), before, after);
            assertTrue(after - before < 200, "RSS grew from " + before + " MB to " + after + " MB");
        }
    }
}
