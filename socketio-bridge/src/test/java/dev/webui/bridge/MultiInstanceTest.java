package dev.webui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.socket.BridgeInstance;
import dev.webui.bridge.socket.BridgeServices;
import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.bridge.testing.BridgeTestSupport;
import dev.webui.bridge.testing.SocketClients.Options;
import dev.webui.bridge.testing.TestRecords;
import dev.webui.common.auth.Roles;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventCaller;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestRedis;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two bridge instances sharing Redis: A is the application under test, B a second instance built
 * by the same code on another port with its own Redis connection (closing that connection is how
 * B "crashes": it can no longer clean up after itself).
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class MultiInstanceTest extends BridgeTestSupport {
    /** Liveness TTL plus a heartbeat, plus slack for a busy machine. */
    private static final Duration PRUNE_BOUND = Duration.ofSeconds(BridgeTestResource.INSTANCE_TTL_SECONDS
            + 2L * BridgeTestResource.HEARTBEAT_SECONDS + 5);

    @Inject
    Vertx vertx;
    @Inject
    EventCaller caller;

    private Redis redisOfB;
    private BridgeInstance b;

    @BeforeEach
    void startInstanceB() throws Exception {
        redisOfB = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class)));
        var redisB = new ReactiveRedisDataSourceImpl(vertx, redisOfB, RedisAPI.api(redisOfB));
        BridgeServices shared = lifecycle.services();
        BridgeServices services = new BridgeServices(redisB, keys, shared.json(), shared.jwt(), shared.revocation(),
                shared.users(), shared.access(), shared.metrics());
        b = new BridgeInstance(lifecycle.settings().withInstance("test-b-" + UUID.randomUUID().toString().substring(0, 8),
                TestRedis.freePort()), services);
        b.start();
    }

    @AfterEach
    void stopInstanceB() {
        if (b != null) {
            b.close();
            redisOfB.close();
        }
    }

    @Test
    void aUsersTabsOnBothInstancesReceiveAServicesEmit() {
        TestUser user = TestUsers.create(Roles.USER);
        String onA = clients.connect("tabA", port(), Options.websocket().token(user.token()));
        String onB = clients.connect("tabB", b.port(), Options.polling().token(user.token()));
        awaitRegistered(onA, user.id());
        awaitRegistered(onB, user.id());

        publish(new EmitRequest("chat-events", Map.of("chat_id", "c9"), EmitRequest.Target.users(user.id())));
        assertEquals("c9", clients.awaitEvent("tabA", "chat-events").path("chat_id").asText());
        assertEquals("c9", clients.awaitEvent("tabB", "chat-events").path("chat_id").asText());

        publish(new EmitRequest("chat-events", Map.of("only", "B"), EmitRequest.Target.sid(onB)));
        clients.awaitEvent("tabB", "chat-events", d -> d.path("only").asText().equals("B"));
        clients.assertNoEvent("tabA", "chat-events", d -> d.has("only"), Duration.ofMillis(500));
    }

    @Test
    void typingCrossesInstances() {
        TestUser alice = TestUsers.create(Roles.USER);
        TestUser bob = TestUsers.create(Roles.USER);
        String channel = TestRecords.channel(alice.id(), TestRecords.readGrant("user_ids", bob.id()));
        clients.connect("alice", port(), Options.websocket());
        clients.emitWithAck("alice", "user-join", Map.of("auth", Map.of("token", alice.token())));
        clients.connect("bob", b.port(), Options.websocket());
        clients.emitWithAck("bob", "user-join", Map.of("auth", Map.of("token", bob.token())));

        Map<String, Object> typing = new HashMap<>();
        typing.put("channel_id", channel);
        typing.put("message_id", null);
        typing.put("data", Map.of("type", "typing", "data", Map.of("typing", true)));
        clients.emit("bob", "channel-events", typing);
        JsonNode seenOnA = clients.awaitEvent("alice", "channel-events");
        assertEquals(bob.id(), seenOnA.at("/user/id").asText());
    }

    @Test
    void aCallIssuedFromAReachesTheSocketOnBAndReturnsItsAnswer() {
        TestUser user = TestUsers.create(Roles.USER);
        String onB = clients.connect("tabB", b.port(), Options.websocket().token(user.token()).answer("chat-events", true));
        awaitRegistered(onB, user.id());

        JsonNode answer = caller.call(user.id(), onB, "chat-events", Map.of("data", Map.of("type", "confirmation",
                "data", Map.of("title", "Sure?", "message", "Really?"))), Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
        assertTrue(answer.asBoolean());
        assertEquals("confirmation", clients.awaitEvent("tabB", "chat-events").at("/data/type").asText());
    }

    @Test
    void aCrashedInstancesSocketsArePrunedWithinTheBound() {
        TestUser user = TestUsers.create(Roles.USER);
        String onA = clients.connect("tabA", port(), Options.websocket().token(user.token()));
        String onB = clients.connect("tabB", b.port(), Options.websocket().token(user.token()));
        awaitRegistered(onA, user.id());
        awaitRegistered(onB, user.id());
        String instanceB = b.instanceId();

        redisOfB.close();
        b.close();
        b = null;
        clients.connection("tabB");

        awaitTrue(() -> !members(keys.bridgeUserSids(user.id())).contains(onB), PRUNE_BOUND, "B's socket is pruned from the user");
        assertFalse(redis.hash(String.class).hexists(keys.bridgeSessions(), onB).await().atMost(Duration.ofSeconds(5)));
        assertFalse(members(keys.bridgeInstances()).contains(instanceB));
        assertTrue(members(keys.bridgeInstanceSids(instanceB)).isEmpty());
        assertTrue(members(keys.bridgeUserSids(user.id())).contains(onA), "A's socket stays registered");
        assertTrue(members(keys.bridgeUsers()).contains(user.id()));
    }

    private java.util.Set<String> members(String key) {
        return redis.set(String.class).smembers(key).await().atMost(Duration.ofSeconds(5));
    }
}
