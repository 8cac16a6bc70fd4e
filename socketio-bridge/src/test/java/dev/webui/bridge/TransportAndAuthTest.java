package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.common.auth.Roles;
import dev.webui.common.auth.TokenRevocation;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TokenSpellings;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transports, the handshake and authentication (docs/realtime.md, "The protocol" and "Authentication") with the real socket.io-client. */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = BridgeTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TransportAndAuthTest extends BridgeTestSupport {
    private static final Duration QUIET = Duration.ofMillis(700);

    @Inject
    TokenRevocation revocation;

    @Test
    void websocketClientAuthenticatedByHandshakeReceivesItsUsersEmits() {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("ws", port(), Options.websocket().token(user.token()));
        assertEquals("websocket", clients.connection("ws").path("transport").asText());
        awaitRegistered(sid, user.id());

        publish(new EmitRequest("chat-events", Map.of("chat_id", "c1", "data", Map.of("type", "status")), EmitRequest.Target.users(user.id())));
        JsonNode data = clients.awaitEvent("ws", "chat-events");
        assertEquals("c1", data.path("chat_id").asText());
        assertEquals("status", data.at("/data/type").asText());
    }

    @Test
    void everySocketBoundByItsHandshakeTokenStaysInItsUserRoom() {
        // The token is checked asynchronously; a check that finished before netty-socketio ran the
        // connect listener used to be undone by it (registered in Redis, but out of the user room).
        TestUser user = TestUsers.create(Roles.USER);
        List<String> tabs = IntStream.range(0, 12).mapToObj(i -> "tab" + i).toList();
        for (String tab : tabs) {
            awaitRegistered(clients.connect(tab, port(), Options.websocket().token(user.token())), user.id());
        }
        publish(new EmitRequest("chat-events", Map.of("chat_id", "every-tab"), EmitRequest.Target.users(user.id())));
        for (String tab : tabs) {
            assertEquals("every-tab", clients.awaitEvent(tab, "chat-events").path("chat_id").asText(), tab);
        }
    }

    @Test
    void pollingClientWorksToo() {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("poll", port(), Options.polling().token(user.token()));
        assertEquals("polling", clients.connection("poll").path("transport").asText());
        awaitRegistered(sid, user.id());

        publish(new EmitRequest("chat-events", Map.of("n", 1), EmitRequest.Target.sid(sid)));
        assertEquals(1, clients.awaitEvent("poll", "chat-events").path("n").asInt());
        JsonNode ack = clients.emitWithAck("poll", "user-join", Map.of("auth", Map.of("token", user.token())));
        assertEquals(user.id(), ack.at("/0/id").asText());
    }

    @Test
    void userJoinBindsASocketThatConnectedWithoutTokenAndAcksIdAndName() {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("late", port(), Options.websocket());
        publish(new EmitRequest("chat-events", Map.of("n", 0), EmitRequest.Target.sid(sid)));
        clients.assertNoEvent("late", "chat-events", d -> true, QUIET);

        JsonNode ack = clients.emitWithAck("late", "user-join", Map.of("auth", Map.of("token", user.token())));
        assertEquals(user.id(), ack.at("/0/id").asText());
        assertEquals("Test user", ack.at("/0/name").asText());
        publish(new EmitRequest("chat-events", Map.of("n", 1), EmitRequest.Target.users(user.id())));
        assertEquals(1, clients.awaitEvent("late", "chat-events").path("n").asInt());
    }

    @Test
    void unauthenticatedSocketsReceiveNothingPrivate() {
        TestUser user = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        String anonymous = clients.connect("anon", port(), Options.websocket());
        String bad = clients.connect("bad", port(), Options.websocket().token("not-a-jwt"));
        String expired = clients.connect("expired", port(), Options.websocket()
                .token(TestUsers.jwt().issue(user.id(), Optional.of(Instant.now().minusSeconds(5)))));
        String apiKey = clients.connect("apikey", port(), Options.websocket().token(user.apiKey()));
        String revokedToken = TestUsers.jwt().issue(user.id(), Optional.of(Instant.now().plusSeconds(600)));
        revocation.revoke(TestUsers.jwt().verify(revokedToken).orElseThrow()).await().atMost(Duration.ofSeconds(5));
        String revoked = clients.connect("revoked", port(), Options.websocket().token(revokedToken));
        assertTrue(clients.emitWithAck("revoked", "user-join", Map.of("auth", Map.of("token", revokedToken))).isEmpty(),
                "user-join with a revoked token acks nothing");
        String respelled = clients.connect("respelled", port(), Options.websocket().token(TokenSpellings.spareBitsChanged(revokedToken)));
        assertTrue(clients.emitWithAck("respelled", "user-join",
                        Map.of("auth", Map.of("token", TokenSpellings.padded(revokedToken)))).isEmpty(),
                "a revoked token spelled differently binds no socket either");
        String good = clients.connect("good", port(), Options.websocket().token(other.token()));
        awaitRegistered(good, other.id());

        for (String sid : new String[] {anonymous, bad, expired, apiKey, revoked, respelled}) {
            publish(new EmitRequest("chat-events", Map.of("to", sid), EmitRequest.Target.sid(sid)));
        }
        publish(new EmitRequest("chat-events", Map.of("to", "user"), EmitRequest.Target.users(user.id())));
        publish(new EmitRequest("chat-events", Map.of("to", "all"), EmitRequest.Target.everyone()));
        publish(new EmitRequest("chat-events", Map.of("to", "default-room"), EmitRequest.Target.room("")));

        assertEquals("all", clients.awaitEvent("good", "chat-events").path("to").asText(), "authenticated sockets get broadcasts");
        for (String client : new String[] {"anon", "bad", "expired", "apikey", "revoked", "respelled"}) {
            clients.assertNoEvent(client, "chat-events", d -> true, Duration.ofMillis(100));
        }
        clients.assertNoEvent("good", "chat-events", d -> d.path("to").asText().equals("default-room"), Duration.ofMillis(100));
        assertFalse(redis.hash(String.class).hexists(keys.bridgeSessions(), anonymous).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void sessionIdsNeverComeFromTheIoCookie() {
        String first = clients.connect("first", port(), Options.websocket());
        String second = clients.connect("second", port(), Options.polling().headers(Map.of("Cookie", "io=" + first)));
        assertNotEquals(first, second);
    }

    @Test
    void corsNeverReflectsAnArbitraryOrigin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port() + "/ws/socket.io/?EIO=4&transport=polling"))
                .header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"sid\""), response.body());
        assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
    }

    @Test
    void aPollingRequestForAnUnknownSessionIsAnsweredAtOnce() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
        for (String sid : List.of(java.util.UUID.randomUUID().toString(), "not-a-session-id")) {
            for (String method : List.of("POST", "GET")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port() + "/ws/socket.io/?EIO=4&transport=polling&sid=" + sid))
                        .timeout(java.time.Duration.ofSeconds(5))
                        .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("40") : HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, response.statusCode(), method + " " + sid + ": " + response.body());
                assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", response.body(), method + " " + sid);
            }
        }
    }
}
