package dev.webui.common.redis;

import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestRedis;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscription reported live really is: what is published right after arrives, on every one of many tries. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class RedisSubscriptionsTest {
    @Inject
    RedisSubscriptions subscriptions;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;
    @Inject
    Vertx vertx;

    @Test
    void everySubscriptionReportedLiveReceivesWhatIsPublishedRightAfter() throws Exception {
        for (int round = 0; round < 40; round++) {
            String channel = keys.prefix() + ":test:" + UUID.randomUUID();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            AtomicInteger ended = new AtomicInteger();
            RedisSubscriptions.RedisSubscription subscription = subscriptions
                    .subscribe(List.of(channel), (name, message) -> received.add(name + "=" + message), ended::incrementAndGet)
                    .await().atMost(Duration.ofSeconds(6));
            redis.pubsub(String.class).publish(channel, "hello " + round).await().atMost(Duration.ofSeconds(5));
            assertEquals(channel + "=hello " + round, received.poll(5, TimeUnit.SECONDS), "round " + round);

            subscription.close();
            Thread.sleep(20);
            redis.pubsub(String.class).publish(channel, "after close").await().atMost(Duration.ofSeconds(5));
            assertNull(received.poll(100, TimeUnit.MILLISECONDS), "nothing arrives after close");
            assertEquals(0, ended.get(), "closing is not an end to report");
        }
    }

    @Test
    void severalChannelsShareOneSubscription() throws Exception {
        String first = keys.prefix() + ":test:a:" + UUID.randomUUID();
        String second = keys.prefix() + ":test:b:" + UUID.randomUUID();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        RedisSubscriptions.RedisSubscription subscription = subscriptions
                .subscribe(List.of(first, second), (name, message) -> received.add(name + "=" + message), () -> { })
                .await().atMost(Duration.ofSeconds(6));
        try {
            redis.pubsub(String.class).publish(second, "2").await().atMost(Duration.ofSeconds(5));
            redis.pubsub(String.class).publish(first, "1").await().atMost(Duration.ofSeconds(5));
            assertEquals(second + "=2", received.poll(5, TimeUnit.SECONDS));
            assertEquals(first + "=1", received.poll(5, TimeUnit.SECONDS));
        } finally {
            subscription.close();
        }
    }

    @Test
    void aLostConnectionIsReportedOnceAndAnUnreachableRedisFails() throws Exception {
        try (TestRedis privateRedis = TestRedis.startPrivate()) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(privateRedis.url()));
            try {
                ReactiveRedisDataSource direct = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
                AtomicInteger ended = new AtomicInteger();
                new RedisSubscriptions(direct, keys).subscribe(List.of(keys.prefix() + ":test:kill"), (name, message) -> { },
                        ended::incrementAndGet).await().atMost(Duration.ofSeconds(6));
                direct.execute("CLIENT", "KILL", "TYPE", "pubsub").await().atMost(Duration.ofSeconds(5));
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (ended.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
                assertEquals(1, ended.get(), "the end is reported once");

                privateRedis.stop();
                long start = System.nanoTime();
                assertThrows(RuntimeException.class, () -> new RedisSubscriptions(direct, keys)
                        .subscribe(List.of(keys.prefix() + ":test:down"), (name, message) -> { }, () -> { })
                        .await().atMost(Duration.ofSeconds(10)));
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(9).toNanos(), "fails instead of waiting for ever");
            } finally {
                client.close();
            }
        }
    }
}
