package dev.webui.api.limits;

import dev.webui.common.testing.PackagedService;
import dev.webui.common.testing.TcpRelay;
import dev.webui.common.testing.TestDatabase;
import dev.webui.common.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged service reaches PostgreSQL through a relay that the test cuts: requests answer 503 saying so. */
class DatabaseOutageIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void requestsAnswer503NamingTheDatabaseWhileItIsDown() throws Exception {
        try (TcpRelay relay = TestDatabase.relayToServer();
             PackagedService service = PackagedService.start(List.of(), db -> Map.of("DATABASE_URL", db.urlVia(relay)))) {
            TestUser known = service.user("user");
            TestUser unknown = service.user("user");
            assertEquals(200, get(service, known, "/api/v1/chats/").statusCode());
            relay.cut();
            // the chat list may come from this replica's cache until its LISTEN connection is seen gone
            // (closed at once here; probed every few seconds when a cut says nothing)
            HttpResponse<String> cachedUser = get(service, known, "/api/v1/chats/");
            for (long until = System.nanoTime() + Duration.ofSeconds(20).toNanos(); cachedUser.statusCode() == 200 && System.nanoTime() < until; ) {
                Thread.sleep(100);
                cachedUser = get(service, known, "/api/v1/chats/");
            }
            assertEquals(503, cachedUser.statusCode(), cachedUser.body());
            assertEquals("{\"detail\":\"The database is unavailable right now; try again in a moment\"}", cachedUser.body());
            HttpResponse<String> lookedUp = get(service, unknown, "/api/v1/chats/"); // fails already at authentication
            assertEquals(503, lookedUp.statusCode(), lookedUp.body());
            assertTrue(lookedUp.body().startsWith("{\"detail\":") && lookedUp.body().contains("database"), lookedUp.body());
            assertTrue(service.status("/health/db") >= 500, "the database health check reports it");
        }
    }

    private HttpResponse<String> get(PackagedService service, TestUser user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + user.token()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
