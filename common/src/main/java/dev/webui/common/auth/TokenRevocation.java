package dev.webui.common.auth;

import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Signed-out tokens, kept in Redis until they would have expired anyway, so every replica refuses them. */
@ApplicationScoped
public class TokenRevocation {
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public TokenRevocation(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Revokes a token; {@code expiresAt} (unix seconds) bounds how long the mark is kept, null for never-expiring tokens. */
    public Uni<Void> revoke(String token, Long expiresAt) {
        String key = keys.revokedToken(hash(token));
        if (expiresAt == null) {
            return redis.value(String.class).set(key, "1");
        }
        long ttl = expiresAt - Instant.now().getEpochSecond();
        if (ttl <= 0) {
            return Uni.createFrom().voidItem();
        }
        return redis.value(String.class).set(key, "1", new SetArgs().ex(ttl));
    }

    public Uni<Boolean> isRevoked(String token) {
        return redis.key().exists(keys.revokedToken(hash(token)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
