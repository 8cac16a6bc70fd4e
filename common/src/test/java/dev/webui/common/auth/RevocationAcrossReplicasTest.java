package dev.webui.common.auth;

import dev.webui.common.error.ApiException;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.redis.RedisSubscriptions;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestRedis;
import dev.webui.common.testing.TestUsers;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Revocation checks read a local copy per replica: kept current across replicas, reloaded after reconnects, fail closed. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class RevocationAcrossReplicasTest {
    @Inject
    TokenRevocation revocation;
    @Inject
    RedisKeys keys;
    @Inject
    Vertx vertx;

    private final List<Redis> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(Redis::close);
        clients.clear();
    }

    @Test
    void aSignOutOnOneReplicaIsHonouredByAnotherWithinASecond() {
        JwtService.VerifiedToken before = token();
        revocation.revoke(before).await().atMost(Duration.ofSeconds(5));
        TokenRevocation other = replica(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class));
        try {
            assertTrue(awaitAnswer(other, before, Duration.ofSeconds(5)), "a sign-out made before the replica started is loaded");
            JwtService.VerifiedToken later = token();
            assertFalse(other.isRevoked(later).await().atMost(Duration.ofSeconds(1)));
            revocation.revoke(later).await().atMost(Duration.ofSeconds(5));
            long start = System.nanoTime();
            while (!other.isRevoked(later).await().atMost(Duration.ofSeconds(1))) {
                if (System.nanoTime() - start > Duration.ofSeconds(1).toNanos()) {
                    fail("the other replica still accepts the token a second after its sign-out");
                }
                sleep(5);
            }
        } finally {
            other.stop();
        }
    }

    @Test
    void aReplicaThatNeverLoadedTheListRefusesWith503() throws Exception {
        TokenRevocation blind = replica("redis://127.0.0.1:" + TestRedis.freePort() + "/0");
        try {
            ApiException refused = null;
            try {
                blind.isRevoked(token()).await().atMost(Duration.ofSeconds(10));
            } catch (ApiException e) {
                refused = e;
            }
            assertTrue(refused != null, "an unchecked token must not pass");
            assertEquals(503, refused.status());
            assertTrue(refused.detail().contains("Redis"), refused.detail());
        } finally {
            blind.stop();
        }
    }

    @Test
    void theListIsReloadedAfterALostConnection() throws Exception {
        try (TestRedis privateRedis = TestRedis.startPrivate()) {
            TokenRevocation replica = replica(privateRedis.url());
            try {
                JwtService.VerifiedToken token = token();
                assertFalse(awaitAnswer(replica, token, Duration.ofSeconds(5)));
                // written while the replica listens but never announced: only a reload can reveal it
                ReactiveRedisDataSource direct = dataSource(privateRedis.url());
                direct.sortedSet(String.class).zadd(keys.revokedTokens(), Instant.now().getEpochSecond() + 600, token.revocationId())
                        .await().atMost(Duration.ofSeconds(5));
                assertFalse(replica.isRevoked(token).await().atMost(Duration.ofSeconds(1)));
                direct.execute("CLIENT", "KILL", "TYPE", "pubsub").await().atMost(Duration.ofSeconds(5));
                assertTrue(awaitAnswer(replica, token, Duration.ofSeconds(10), true), "reloaded after the reconnect");

                privateRedis.stop();
                // the replica learns of the loss when its subscription's connection closes, a moment later
                assertEquals(503, awaitRefusal(replica, Duration.ofSeconds(10)), "while Redis is down, checks must not pass");
                privateRedis.start();
                assertTrue(awaitAnswer(replica, token, Duration.ofSeconds(15)), "trusted again once Redis is back");
            } finally {
                replica.stop();
            }
        }
    }

    private JwtService.VerifiedToken token() {
        return TestUsers.jwt().verify(TestUsers.jwt().issue("u-" + System.nanoTime(), Optional.of(Instant.now().plusSeconds(600))))
                .orElseThrow();
    }

    private TokenRevocation replica(String url) {
        ReactiveRedisDataSource redis = dataSource(url);
        TokenRevocation replica = new TokenRevocation(redis, new RedisSubscriptions(redis, keys), keys);
        replica.start();
        return replica;
    }

    private ReactiveRedisDataSource dataSource(String url) {
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
        clients.add(client);
        return new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
    }

    private static boolean awaitAnswer(TokenRevocation replica, JwtService.VerifiedToken token, Duration wait) {
        return awaitAnswer(replica, token, wait, false);
    }

    /** The replica's first answer (or, with {@code untilTrue}, its first true answer) within the wait. */
    private static boolean awaitAnswer(TokenRevocation replica, JwtService.VerifiedToken token, Duration wait, boolean untilTrue) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                boolean revoked = replica.isRevoked(token).await().atMost(Duration.ofSeconds(5));
                if (revoked || !untilTrue) {
                    return revoked;
                }
            } catch (ApiException e) {
                // not trusted yet
            }
            sleep(20);
        }
        if (untilTrue) {
            return false;
        }
        throw new AssertionError("the replica never answered");
    }

    /** The status of the first refused check within the wait; fails when every check passed. */
    private int awaitRefusal(TokenRevocation replica, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                replica.isRevoked(token()).await().atMost(Duration.ofSeconds(10));
            } catch (ApiException e) {
                return e.status();
            }
            sleep(20);
        }
        return fail("every check passed for " + wait);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
