package dev.webui.api.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.common.db.NotificationFeed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The serialised sidebar lists (GET /chats/?page=…, with or without folders, and /chats/pinned)
 * per user, so that a page load costs no query and no JSON writing. Every change of a chat row,
 * whoever makes it (this or another replica, the importer, auth-service), is announced by the
 * V16 trigger on PostgreSQL's {@code chat_changed} channel with the owner's id, and drops that
 * owner's lists here. The notification arrives after the commit, so a writer on this replica also
 * calls {@link #drop} itself once its change is committed, before it answers. Nothing is kept
 * while the LISTEN connection is down, everything is dropped when it is lost and again when it is
 * back, and a load that began before a drop of its user (or of everybody) is not kept. Bounded by
 * bytes.
 */
@ApplicationScoped
public class ChatListCache {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** One user's lists together; a larger set (many pages) is not kept. */
    static final int MAX_USER_BYTES = 1024 * 1024;
    static final String CHANNEL = "chat_changed";
    private static final int ENTRY_OVERHEAD = 96;
    private static final int STRIPES = 256;

    /** Which list: the sidebar (page 0 = all rows, with or without chats in folders) or the pinned list. */
    public record Variant(String list, int page, boolean includeFolders) {
        public static Variant sidebar(Paging paging, boolean includeFolders) {
            return new Variant("sidebar", paging.page() == null ? 0 : paging.page(), includeFolders);
        }

        public static final Variant PINNED = new Variant("pinned", 0, false);
    }

    private record UserLists(Map<Variant, byte[]> answers, int bytes) {
        UserLists with(Variant variant, byte[] json) {
            Map<Variant, byte[]> copy = new HashMap<>(answers);
            byte[] old = copy.put(variant, json);
            return new UserLists(Map.copyOf(copy), bytes - (old == null ? 0 : old.length + ENTRY_OVERHEAD) + json.length + ENTRY_OVERHEAD);
        }
    }

    /** What had been dropped when a load began: all of it (resets) and this user's stripe. */
    private record Token(long resets, long stripe) {
    }

    private final Cache<String, UserLists> lists = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES).<String, UserLists>weigher((user, l) -> l.bytes()).build();
    private final NotificationFeed feed;
    private final Object lock = new Object();
    private final long[] drops = new long[STRIPES];
    private long resets;

    public ChatListCache(Pool pool) {
        this.feed = new NotificationFeed(pool, CHANNEL, this::received, this::dropAll);
    }

    /** The cached answer, or the one {@code load} writes (kept when nothing dropped it meanwhile). */
    public Uni<byte[]> get(String userId, Variant variant, Supplier<Uni<byte[]>> load) {
        byte[] hit = readyNow(userId, variant);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        Token token = token(userId);
        return load.get().invoke(json -> keep(userId, variant, json, token));
    }

    /** The kept answer, or null when there is none or nothing is being kept (the LISTEN connection is down). */
    public byte[] readyNow(String userId, Variant variant) {
        if (!feed.listening()) {
            return null;
        }
        UserLists cached = lists.getIfPresent(userId);
        return cached == null ? null : cached.answers().get(variant);
    }

    /** Drops the user's lists; writers call it after their change is committed, before answering. */
    public void drop(String userId) {
        synchronized (lock) {
            drops[stripe(userId)]++;
            lists.invalidate(userId);
        }
    }

    /** Whether lists are being kept (the LISTEN connection is up). */
    boolean listening() {
        return feed.listening();
    }

    void dropAll() {
        synchronized (lock) {
            resets++;
            lists.invalidateAll();
        }
    }

    private void received(String userId) {
        if ("*".equals(userId)) {
            dropAll();
        } else {
            drop(userId);
        }
    }

    private Token token(String userId) {
        synchronized (lock) {
            return new Token(resets, drops[stripe(userId)]);
        }
    }

    private void keep(String userId, Variant variant, byte[] json, Token token) {
        synchronized (lock) {
            if (!feed.listening() || token.resets() != resets || token.stripe() != drops[stripe(userId)]) {
                return;
            }
            UserLists current = lists.getIfPresent(userId);
            UserLists next = (current == null ? new UserLists(Map.of(), 0) : current).with(variant, json);
            if (next.bytes() <= MAX_USER_BYTES) {
                lists.put(userId, next);
            }
        }
    }

    private static int stripe(String userId) {
        return (userId.hashCode() & 0x7fffffff) % STRIPES;
    }

    void start(@Observes StartupEvent event) {
        feed.start();
    }

    void stop(@Observes ShutdownEvent event) {
        feed.stop();
    }
}
