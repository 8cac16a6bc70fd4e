package dev.webui.bridge;

import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.common.auth.Roles;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestRedis;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A Redis restart: readiness shows the lost subscriptions; delivery and bookkeeping come back without restarting the bridge. */
@QuarkusTest
@QuarkusTestResource(value = RedisRestartTest.PrivateRedis.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class RedisRestartTest extends BridgeTestSupport {
    static TestRedis privateRedis;

    public static class PrivateRedis implements QuarkusTestResourceLifecycleManager {
        private final TestEnvironment environment = new TestEnvironment();

        @Override
        public Map<String, String> start() {
            privateRedis = TestRedis.startPrivate();
            environment.init(Map.of("redis-url", privateRedis.url()));
            return environment.start();
        }

        @Override
        public void stop() {
            environment.stop();
            privateRedis.stop();
        }
    }

    @Test
    void deliveryResumesAfterRedisComesBack() throws IOException {
        TestUser user = TestUsers.create(Roles.USER);
        String sid = clients.connect("tab", port(), Options.websocket());
        clients.emitWithAck("tab", "user-join", Map.of("auth", Map.of("token", user.token())));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'socketio-bridge' }.status", equalTo("UP"));

        privateRedis.stop();
        awaitTrue(() -> given().get("/q/health/ready").statusCode() == 503, "readiness turns DOWN");
        given().get("/q/health/ready").then().body("checks.find { it.name == 'socketio-bridge' }.status", equalTo("DOWN"));
        privateRedis.start();
        awaitTrue(() -> given().get("/q/health/ready").statusCode() == 200, Duration.ofSeconds(30), "readiness returns");

        publish(new EmitRequest("chat-events", Map.of("after", "restart"), EmitRequest.Target.users(user.id())));
        clients.awaitEvent("tab", "chat-events");
        awaitRegistered(sid, user.id()); // the restarted Redis was empty: the instance registered its sockets again
    }
}
