package dev.webui.bridge;

import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.common.auth.Roles;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.testing.PrivateRedisEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A Redis restart: readiness shows the lost subscriptions; delivery and bookkeeping come back without restarting the bridge. */
@QuarkusTest
@QuarkusTestResource(value = PrivateRedisEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class RedisRestartTest extends BridgeTestSupport {
    @Test
    void deliveryResumesAfterRedisComesBack() throws IOException {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("tab", port(), Options.websocket());
        clients.emitWithAck("tab", "user-join", Map.of("auth", Map.of("token", user.token())));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'socketio-bridge' }.status", equalTo("UP"));

        PrivateRedisEnvironment.redis().stop();
        awaitTrue(() -> given().get("/q/health/ready").statusCode() == 503, "readiness turns DOWN");
        given().get("/q/health/ready").then().body("checks.find { it.name == 'socketio-bridge' }.status", equalTo("DOWN"));
        PrivateRedisEnvironment.redis().start();
        awaitTrue(() -> given().get("/q/health/ready").statusCode() == 200, Duration.ofSeconds(30), "readiness returns");

        publish(new EmitRequest("chat-events", Map.of("after", "restart"), EmitRequest.Target.users(user.id())));
        clients.awaitEvent("tab", "chat-events");
        awaitRegistered(sid, user.id()); // the restarted Redis was empty: the instance registered its sockets again
    }
}
