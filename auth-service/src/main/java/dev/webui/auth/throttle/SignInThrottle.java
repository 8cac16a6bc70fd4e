package dev.webui.auth.throttle;

import dev.webui.auth.config.ThrottleConfig;
import dev.webui.common.error.ApiException;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brute-force protection shared by every replica: failed sign-ins are counted in Redis per account
 * and per client address for SIGNIN_LOCKOUT_SECONDS; once either count reaches its limit, sign-in
 * is refused (429, Retry-After) until the window runs out. Refusal happens before any password
 * check, so a locked account also costs no bcrypt work. A success clears the account's count.
 */
@ApplicationScoped
public class SignInThrottle {
    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ThrottleConfig config;

    public SignInThrottle(ReactiveRedisDataSource redis, RedisKeys keys, ThrottleConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** Fails with {@link TooManyAttemptsException} when the account or the address is locked out. */
    public Uni<Void> check(String account, String address) {
        return unavailableAs503(refusal(keys.signInFailures(ACCOUNT, account), config.maxFailuresPerAccount())
                .chain(() -> refusal(keys.signInFailures(ADDRESS, address), config.maxFailuresPerAddress())));
    }

    public Uni<Void> failed(String account, String address) {
        return unavailableAs503(count(keys.signInFailures(ACCOUNT, account)).chain(() -> count(keys.signInFailures(ADDRESS, address))));
    }

    public Uni<Void> succeeded(String account) {
        return unavailableAs503(redis.key().del(keys.signInFailures(ACCOUNT, account)).replaceWithVoid());
    }

    // without the counters sign-in would be unthrottled: refuse it, saying what is missing
    private static Uni<Void> unavailableAs503(Uni<Void> step) {
        return step.onFailure(e -> !(e instanceof TooManyAttemptsException)).transform(e -> new ApiException(503,
                "Sign-in is unavailable: Redis, which keeps the failed sign-in counters, is unreachable; try again shortly."));
    }

    private Uni<Void> refusal(String key, int limit) {
        return redis.value(Long.class).get(key).chain(failures -> {
            if (failures == null || failures < limit) {
                return Uni.createFrom().voidItem();
            }
            return redis.key().ttl(key).map(ttl -> {
                throw new TooManyAttemptsException(Math.max(1, ttl));
            });
        });
    }

    // SET NX EX first so the window starts with the first failure and the key can never outlive it
    private Uni<Void> count(String key) {
        return redis.value(Long.class).set(key, 0L, new SetArgs().nx().ex(config.lockoutSeconds()))
                .chain(() -> redis.value(Long.class).incr(key))
                .replaceWithVoid();
    }
}
