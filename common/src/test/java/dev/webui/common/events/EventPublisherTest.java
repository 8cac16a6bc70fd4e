package dev.webui.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The emit channel carries exactly the JSON documented in docs/redis.md. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class EventPublisherTest {
    @Inject
    EventPublisher publisher;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;
    @Inject
    ObjectMapper json;

    @Test
    void publishesEmitRequestsAsDocumented() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        var subscription = redis.pubsub(String.class).subscribe(keys.emitChannel())
                .subscribe().with(received::add);
        try {
            // Redis confirms SUBSCRIBE asynchronously: publish probes until one comes back
            await("the subscription to the emit channel").atMost(Duration.ofSeconds(20)).until(() -> {
                redis.pubsub(String.class).publish(keys.emitChannel(), "probe").await().atMost(Duration.ofSeconds(5));
                return "probe".equals(received.poll(100, TimeUnit.MILLISECONDS));
            });
            received.removeIf("probe"::equals);
            publisher.emit(new EmitRequest("chat-events", Map.of("chat_id", "c1", "data", Map.of("type", "status")),
                    EmitRequest.Target.users("u1", "u2"))).await().atMost(Duration.ofSeconds(5));
            publisher.emit(new EmitRequest("channel-events", Map.of("x", 1), EmitRequest.Target.room("channel:abc")))
                    .await().atMost(Duration.ofSeconds(5));

            JsonNode first = json.readTree(received.poll(5, TimeUnit.SECONDS));
            assertEquals("chat-events", first.get("event").asText());
            assertEquals("c1", first.at("/data/chat_id").asText());
            assertEquals("u2", first.at("/to/user_ids/1").asText());
            assertFalse(first.get("to").has("rooms"), "empty targets are omitted");
            assertFalse(first.at("/to/all").asBoolean());

            JsonNode second = json.readTree(received.poll(5, TimeUnit.SECONDS));
            assertNotNull(second);
            assertEquals("channel:abc", second.at("/to/rooms/0").asText());
        } finally {
            subscription.cancel();
        }
    }
}
