package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.common.auth.Roles;
import dev.webui.bridge.delivery.CallDelivery;
import dev.webui.bridge.delivery.EmitDelivery;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.http.RequestIds;
import dev.webui.common.testing.LogCapture;
import dev.webui.common.events.EventCaller;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event calls with acks (docs/realtime.md, "Delivery from the services") and the bridge's meters. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class CallsAndMetricsTest extends BridgeTestSupport {
    @Inject
    EventCaller caller;

    @Test
    void aCallReturnsTheClientsAnswer() {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("tab", port(), Options.websocket().token(user.token())
                .answer("chat-events", Map.of("stdout", "42", "stderr", "")));
        awaitRegistered(sid, user.id());

        JsonNode answer = caller.call(user.id(), sid, "chat-events", Map.of("data", Map.of("type", "execute:python", "data", Map.of("code", "6*7"))),
                Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
        assertEquals("42", answer.path("stdout").asText());
        JsonNode asked = clients.awaitEvent("tab", "chat-events");
        assertEquals("execute:python", asked.at("/data/type").asText());
        assertTrue(clients.events("tab").get(0).path("ack").asBoolean(), "the client was asked for an ack");
    }

    @Test
    void aCallForOneUserIsRefusedBySomeoneElsesSocketAndNeverReachesIt() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser asker = TestUsers.create(Roles.USER);
        String sid = clients.connect("victim", port(), Options.websocket().token(owner.token()).answer("chat-events", "secret"));
        awaitRegistered(sid, owner.id());

        RuntimeException refused = assertThrows(RuntimeException.class, () -> caller.call(asker.id(), sid, "chat-events",
                Map.of("data", Map.of("type", "execute:tool")), Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10)));
        assertTrue(String.valueOf(refused.getMessage()).contains("refused"), "refused, not timed out: " + refused.getMessage());
        JsonNode own = caller.call(owner.id(), sid, "chat-events", Map.of("n", 1), Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
        assertEquals("secret", own.asText());
        assertEquals(1, clients.events("victim").size(), "only the owner's call reached the socket: " + clients.events("victim"));
    }

    @Test
    void theBridgeLogsEventsUnderTheRequestIdTheyCarry() {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("labelled", port(), Options.websocket().token(user.token()).answer("chat-events", "ok"));
        awaitRegistered(sid, user.id());
        try (LogCapture emits = LogCapture.withDebug(EmitDelivery.class); LogCapture calls = LogCapture.withDebug(CallDelivery.class)) {
            publish(new EmitRequest("chat-events", Map.of("n", 1), EmitRequest.Target.users(user.id()), "emit-rid-1"));
            clients.awaitEvent("labelled", "chat-events");
            awaitTrue(() -> emits.lines.stream().anyMatch(l -> "emit-rid-1".equals(l.requestId()) && l.message().startsWith("Delivered")),
                    "the delivery logged under the emit's request id: " + emits.lines);

            MDC.put(RequestIds.MDC_KEY, "call-rid-2");
            try {
                caller.call(user.id(), sid, "chat-events", Map.of("n", 2), Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
            assertTrue(calls.lines.stream().anyMatch(l -> "call-rid-2".equals(l.requestId()) && l.message().startsWith("Calling")),
                    "the call logged under the caller's request id: " + calls.lines);
        }
        // an emit without the field (an older publisher) is still delivered
        redis.pubsub(String.class).publish(keys.emitChannel(), "{\"event\":\"chat-events\",\"data\":{\"n\":3},\"to\":{\"sids\":[\"" + sid + "\"]}}")
                .await().atMost(Duration.ofSeconds(5));
        awaitTrue(() -> clients.events("labelled").stream().anyMatch(e -> e.toString().contains("\"n\":3")), "the old-format emit arrived");
    }

    @Test
    void unansweredCallsTimeOutAndAreCounted() {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("silent", port(), Options.websocket().token(user.token()));
        awaitRegistered(sid, user.id());
        double before = metric("bridge_acks_timed_out_total");

        RuntimeException silent = assertThrows(RuntimeException.class,
                () -> caller.call(user.id(), sid, "chat-events", Map.of("q", 1), Duration.ofSeconds(1)).await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(TimeoutException.class, silent.getCause());
        assertTrue(silent.getCause().getMessage().contains("timeout"), "the bridge reported the timeout: " + silent.getCause().getMessage());
        assertEquals(before + 1, metric("bridge_acks_timed_out_total"));

        RuntimeException nobody = assertThrows(RuntimeException.class,
                () -> caller.call(user.id(), "00000000-0000-0000-0000-000000000000", "chat-events", Map.of(), Duration.ofSeconds(1))
                        .await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(TimeoutException.class, nobody.getCause());
    }

    @Test
    void callsToUnauthenticatedSocketsAreNotDelivered() {
        String sid = clients.connect("anon", port(), Options.websocket().answer("chat-events", "leaked"));
        assertThrows(RuntimeException.class,
                () -> caller.call("someone", sid, "chat-events", Map.of(), Duration.ofSeconds(1)).await().atMost(Duration.ofSeconds(10)));
        assertTrue(clients.events("anon").isEmpty());
    }

    @Test
    void metersCountSocketsUsersAndDeliveries() {
        TestUser user = TestUsers.create(Roles.USER);
        double sockets = metric("bridge_sockets_connected");
        double authenticated = metric("bridge_sockets_authenticated");
        double users = metric("bridge_users_connected");
        double delivered = metric("bridge_emits_delivered_total");

        clients.connect("anon", port(), Options.websocket());
        String one = clients.connect("one", port(), Options.websocket().token(user.token()));
        String two = clients.connect("two", port(), Options.websocket().token(user.token()));
        awaitRegistered(one, user.id());
        awaitRegistered(two, user.id());
        assertEquals(sockets + 3, metric("bridge_sockets_connected"));
        assertEquals(authenticated + 2, metric("bridge_sockets_authenticated"));
        assertEquals(users + 1, metric("bridge_users_connected"));

        publish(new EmitRequest("chat-events", Map.of(), EmitRequest.Target.users(user.id())));
        clients.awaitEvent("one", "chat-events");
        clients.awaitEvent("two", "chat-events");
        assertEquals(delivered + 2, metric("bridge_emits_delivered_total"));
    }

    private double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{instance=\"" + Pattern.quote(lifecycle.instance().instanceId()) + "\"[^}]*} (\\S+)$")
                .matcher(body);
        assertTrue(m.find(), name + " is exported:\n" + body.lines().filter(l -> l.startsWith("bridge")).toList());
        return Double.parseDouble(m.group(1));
    }
}
