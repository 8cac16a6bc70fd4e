package dev.webui.common.auth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's copy of the revoked token ids (id -> unix second after which the mark may go),
 * and whether the copy can be trusted: only after a full load from Redis while the change
 * subscription is up. {@link TokenRevocation} keeps it fed; readers never touch Redis.
 */
final class RevokedTokens {
    static final long NEVER = Long.MAX_VALUE;
    private static final long PRUNE_EVERY_SECONDS = 60;

    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Void> trusted = new CompletableFuture<>();
    private volatile long lastPrune;

    void add(String id, long expiresAt) {
        ids.merge(id, expiresAt, Math::max);
        long now = Instant.now().getEpochSecond();
        if (now - lastPrune >= PRUNE_EVERY_SECONDS) {
            lastPrune = now;
            ids.values().removeIf(exp -> exp < now);
        }
    }

    boolean contains(String id) {
        return ids.containsKey(id);
    }

    int size() {
        return ids.size();
    }

    /** Completes once the copy is complete and kept current; replaced by a pending one while it is not. */
    CompletableFuture<Void> whenTrusted() {
        return trusted;
    }

    boolean isTrusted() {
        return trusted.isDone();
    }

    void markTrusted() {
        trusted.complete(null);
    }

    void markUntrusted() {
        if (trusted.isDone()) {
            trusted = new CompletableFuture<>();
        }
    }
}
