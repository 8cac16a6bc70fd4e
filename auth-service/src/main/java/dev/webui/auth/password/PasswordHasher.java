package dev.webui.auth.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.webui.auth.config.AuthConfig;
import dev.webui.common.error.ApiException;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * bcrypt as Open WebUI uses it: new hashes are $2b$ with BCRYPT_COST; $2a$, $2b$ and $2y$ hashes
 * from Open WebUI, htpasswd or elsewhere verify, and so do the argon2 hashes of accounts imported
 * from an Open WebUI that ran with PASSWORD_HASH_ALGORITHM=argon2 ({@link Argon2Hashes}). bcrypt
 * reads at most 72 bytes, so longer passwords are refused instead of being silently cut. Hashing
 * runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
@Startup // builds the decoy hash at start, not lazily on an event-loop thread
public class PasswordHasher {
    public static final int MAX_BYTES = 72;
    private static final int MAX_ARGON2_CHARS = 4096;

    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2B);
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer();
    private final int cost;
    // checked against when an account has no hash, so unknown accounts cost the same time as known ones
    private final String decoy;

    public PasswordHasher(AuthConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hasher.hashToString(cost, UUID.randomUUID().toString().toCharArray());
    }

    /** Throws 400 unless the password is non-empty and at most 72 bytes of UTF-8. */
    public static void checkAcceptable(String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("The password must not be empty.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest("The password is longer than 72 bytes, the most bcrypt can use; choose a shorter one.");
        }
    }

    public Uni<String> hash(String password) {
        checkAcceptable(password);
        return onWorker(() -> hasher.hashToString(cost, password.toCharArray()));
    }

    /** A hash no password matches, for accounts that sign in through LDAP, OIDC or a trusted header. */
    public Uni<String> unusableHash() {
        return onWorker(() -> hasher.hashToString(cost, UUID.randomUUID().toString().toCharArray()));
    }

    /**
     * Whether the password matches the hash; false for a missing hash (after the same work as a real
     * check), an over-long password or a malformed hash.
     */
    public Uni<Boolean> matches(String password, Optional<String> hash) {
        if (password != null && hash.isPresent() && Argon2Hashes.isArgon2(hash.get())) {
            // argon2 has no 72-byte limit; the bound only keeps a request from hashing megabytes
            return password.length() > MAX_ARGON2_CHARS ? Uni.createFrom().item(false)
                    : onWorker(() -> Argon2Hashes.verify(password, hash.get()));
        }
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Uni.createFrom().item(false);
        }
        return onWorker(() -> {
            try {
                boolean verified = verifyer.verify(password.toCharArray(), hash.orElse(decoy).toCharArray()).verified;
                return verified && hash.isPresent();
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        });
    }

    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
