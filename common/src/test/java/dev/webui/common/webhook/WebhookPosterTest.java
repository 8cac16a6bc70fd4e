package dev.webui.common.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts to a real local HTTP endpoint: what arrives, and what is refused before anything is sent. */
class WebhookPosterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WebhookEvent EVENT = new WebhookEvent("chat", "Title - /c/1\n\nHello",
            Map.of("action", "chat", "message", "Hello", "title", "Title", "url", "/c/1"));
    private static Vertx vertx;
    private static HttpServer server;
    private static final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String path, String contentType, String host, JsonNode body) {
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            try {
                received.add(new Received(request.uri(), request.getHeader("Content-Type"), request.getHeader("Host"),
                        MAPPER.readTree(body.getBytes())));
            } catch (Exception e) {
                received.add(new Received(request.uri(), request.getHeader("Content-Type"), request.getHeader("Host"), null));
            }
            switch (request.path()) {
                case "/fails" -> request.response().setStatusCode(500).end("no");
                case "/moved" -> request.response().setStatusCode(302).putHeader("Location", "/elsewhere").end();
                case "/silent" -> { }
                default -> request.response().setStatusCode(204).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    private static WebhookPoster poster(boolean allowLocal, int timeoutSeconds) {
        return new WebhookPoster(vertx, new WebhookConfig() {
            public String webuiName() {
                return "Test WebUI";
            }

            public int timeoutSeconds() {
                return timeoutSeconds;
            }

            public boolean allowLocalAddresses() {
                return allowLocal;
            }
        }, MAPPER);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    private static boolean post(WebhookPoster poster, String url, WebhookPoster.Origin origin) {
        return poster.post(url, EVENT, origin).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void theAdminsUrlGetsTheEventsFieldsAsJson() {
        assertTrue(post(poster(false, 5), url("/hook?token=abc"), WebhookPoster.Origin.ADMIN));
        assertEquals(1, received.size());
        Received one = received.get(0);
        assertEquals("/hook?token=abc", one.path());
        assertEquals("application/json", one.contentType());
        assertEquals("127.0.0.1:" + server.actualPort(), one.host());
        assertEquals("chat", one.body().path("action").asText());
        assertEquals("Hello", one.body().path("message").asText());
        assertEquals("/c/1", one.body().path("url").asText());
    }

    @Test
    void aUsersUrlInsideTheDeploymentIsRefusedUnlessAllowed() {
        assertFalse(post(poster(false, 5), url("/hook"), WebhookPoster.Origin.USER));
        assertTrue(received.isEmpty(), "nothing may reach a loopback address: " + received);
        assertTrue(post(poster(true, 5), url("/hook"), WebhookPoster.Origin.USER));
        assertEquals(1, received.size());
    }

    @Test
    void errorsAndRedirectsAreNotDeliveriesAndRedirectsAreNotFollowed() {
        WebhookPoster poster = poster(false, 5);
        assertFalse(post(poster, url("/fails"), WebhookPoster.Origin.ADMIN));
        assertFalse(post(poster, url("/moved"), WebhookPoster.Origin.ADMIN));
        assertEquals(List.of("/fails", "/moved"), received.stream().map(Received::path).toList());
    }

    @Test
    void anEndpointThatNeverAnswersGivesUpAfterTheTimeout() {
        long start = System.nanoTime();
        assertFalse(post(poster(false, 1), url("/silent"), WebhookPoster.Origin.ADMIN));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 10, "gave up after " + seconds + " s");
    }

    @Test
    void onlyHttpUrlsWithAHostArePostedTo() {
        WebhookPoster poster = poster(true, 5);
        for (String bad : List.of("ftp://127.0.0.1/x", "file:///etc/passwd", "not a url", "http:///nohost", "javascript:alert(1)")) {
            assertFalse(post(poster, bad, WebhookPoster.Origin.ADMIN), bad);
        }
        assertTrue(received.isEmpty(), received.toString());
    }
}
