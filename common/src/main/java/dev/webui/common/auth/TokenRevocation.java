package dev.webui.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.redis.RedisSubscriptions;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed-out tokens, by revocation id ({@link JwtService.VerifiedToken#revocationId()}). Redis holds
 * the fleet's list (a sorted set scored by expiry) and announces each sign-out on a channel; every
 * replica keeps a local copy ({@link RevokedTokens}): it subscribes first, then loads the list, and
 * does so again after every lost connection. Checks read only the local copy. While the copy cannot
 * be trusted (never loaded, or the subscription is down) checks wait up to {@link #TRUST_WAIT} and
 * then fail with 503: a signed-out token is never let through because Redis was unreachable.
 */
@ApplicationScoped
public class TokenRevocation {
    static final Duration TRUST_WAIT = Duration.ofSeconds(2);
    static final String UNAVAILABLE = "Session check unavailable (Redis is unreachable); try again shortly.";
    private static final Logger LOG = Logger.getLogger(TokenRevocation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveRedisDataSource redis;
    private final RedisSubscriptions subscriptions;
    private final RedisKeys keys;
    private final RevokedTokens local = new RevokedTokens();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private volatile RedisSubscriptions.RedisSubscription subscription;

    public TokenRevocation(ReactiveRedisDataSource redis, RedisSubscriptions subscriptions, RedisKeys keys) {
        this.redis = redis;
        this.subscriptions = subscriptions;
        this.keys = keys;
    }

    /** Revokes a token on every replica until it would have expired; completes once Redis has it. */
    public Uni<Void> revoke(JwtService.VerifiedToken token) {
        long expiresAt = token.expiresAt() == null ? RevokedTokens.NEVER : token.expiresAt();
        if (expiresAt <= Instant.now().getEpochSecond()) {
            return Uni.createFrom().voidItem();
        }
        local.add(token.revocationId(), expiresAt);
        ObjectNode message = JSON.createObjectNode().put("id", token.revocationId());
        message.put("exp", token.expiresAt());
        return redis.sortedSet(String.class).zadd(keys.revokedTokens(), expiresAt, token.revocationId())
                .chain(() -> redis.sortedSet(String.class).zremrangebyscore(keys.revokedTokens(),
                        ScoreRange.from(Double.NEGATIVE_INFINITY, Instant.now().getEpochSecond() - 1)))
                .chain(() -> redis.pubsub(String.class).publish(keys.revocationChannel(), message.toString()));
    }

    /** Whether the token was signed out; fails with a 503 {@link ApiException} while that cannot be known. */
    public Uni<Boolean> isRevoked(JwtService.VerifiedToken token) {
        Boolean known = revokedNow(token);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().completionStage(local::whenTrusted)
                .ifNoItem().after(TRUST_WAIT).fail()
                .onFailure().transform(e -> new ApiException(503, UNAVAILABLE))
                .map(ready -> contains(token));
    }

    /** Whether the token was signed out, answered from this replica's copy; null while the copy cannot be trusted. */
    public Boolean revokedNow(JwtService.VerifiedToken token) {
        return local.isTrusted() ? contains(token) : null;
    }

    private boolean contains(JwtService.VerifiedToken token) {
        return local.contains(token.revocationId()) || local.contains(token.digestId());
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Subscribes and loads; does so again after every lost connection until {@link #stop()}. */
    public void start() {
        if (running.compareAndSet(false, true)) {
            connect();
        }
    }

    public void stop() {
        running.set(false);
        generation.incrementAndGet();
        local.markUntrusted();
        RedisSubscriptions.RedisSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    // one generation per connection attempt, so a stale attempt never marks the copy trusted
    private void connect() {
        long attempt = generation.incrementAndGet();
        Uni.createFrom().deferred(() -> current(attempt) ? subscribeAndLoad(attempt) : Uni.createFrom().voidItem())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(1)).atMost(Long.MAX_VALUE)
                .subscribe().with(loaded -> {
                    if (current(attempt)) {
                        local.markTrusted();
                        LOG.debugf("Revocation list loaded: %d signed-out tokens", local.size());
                    }
                }, e -> LOG.warnf(e, "Revocation subscription gave up"));
    }

    private boolean current(long attempt) {
        return running.get() && generation.get() == attempt;
    }

    private Uni<Void> subscribeAndLoad(long attempt) {
        AtomicBoolean ended = new AtomicBoolean();
        Runnable onLost = () -> {
            if (ended.compareAndSet(false, true)) {
                lost(attempt);
            }
        };
        return subscriptions.subscribe(List.of(keys.revocationChannel()), (channel, message) -> received(message), onLost)
                .invoke(s -> {
                    subscription = s;
                    if (!current(attempt)) {
                        s.close(); // stopped or superseded while subscribing
                    }
                })
                .chain(this::load);
    }

    private void lost(long attempt) {
        if (current(attempt)) {
            local.markUntrusted();
            LOG.warn("Revocation subscription lost; token checks answer 503 until it is back. Reconnecting.");
            connect();
        }
    }

    private void received(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            JsonNode exp = node.path("exp");
            if (node.path("id").isTextual()) {
                local.add(node.path("id").textValue(), exp.canConvertToLong() ? exp.longValue() : RevokedTokens.NEVER);
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring a malformed revocation message: %s", e.getMessage());
        }
    }

    private Uni<Void> load(RedisSubscriptions.RedisSubscription ignored) {
        long now = Instant.now().getEpochSecond();
        return redis.sortedSet(String.class).zrangebyscoreWithScores(keys.revokedTokens(),
                        ScoreRange.from((double) now, Double.POSITIVE_INFINITY), new ZRangeArgs())
                .invoke(entries -> {
                    for (ScoredValue<String> entry : entries) {
                        local.add(entry.value(), entry.score() >= RevokedTokens.NEVER ? RevokedTokens.NEVER : (long) entry.score());
                    }
                })
                .chain(this::migrateLegacyMarks);
    }

    /** Moves marks of the earlier layout (one key per SHA-256 of the token string) into the list. */
    private Uni<Void> migrateLegacyMarks() {
        String pattern = keys.legacyRevokedTokenPattern();
        return redis.key().scan(new KeyScanArgs().match(pattern).count(1000)).toMulti()
                .onItem().transformToUniAndConcatenate(key -> redis.key().ttl(key).chain(ttl -> {
                    String id = "sha256:" + key.substring(pattern.length() - 1);
                    long expiresAt = ttl < 0 ? RevokedTokens.NEVER : Instant.now().getEpochSecond() + ttl;
                    local.add(id, expiresAt);
                    return redis.sortedSet(String.class).zadd(keys.revokedTokens(), expiresAt, id)
                            .chain(() -> redis.key().del(key)).replaceWithVoid();
                }))
                .collect().last().replaceWithVoid();
    }
}
