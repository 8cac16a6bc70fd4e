package dev.webui.common.db;

import dev.webui.common.feed.ReconnectingFeed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Feeds a per-replica cache with PostgreSQL notifications (LISTEN on one channel), the database's
 * counterpart of {@code InvalidationFeed}. It holds one connection of the pool for as long as it
 * listens, so it shares the pool's address, credentials and TLS settings. The cache may keep
 * entries only while {@link #listening()}: notifications sent while the connection is down are
 * lost, so {@code reset} runs whenever the connection is lost and again once LISTEN is back, and
 * the feed reconnects until {@link #stop()}. A connection cut without a word (a partition, a dropped
 * NAT entry) never reports its close, so the connection is probed every {@link #PROBE_EVERY} and
 * closed when a probe fails or stays unanswered, which counts as lost.
 */
public final class NotificationFeed extends ReconnectingFeed<SqlConnection> {
    static final Duration PROBE_EVERY = Duration.ofSeconds(10);
    private static final Duration PROBE_WAIT = Duration.ofSeconds(5);

    private final Pool pool;
    private final String channel;
    private final Consumer<String> received;

    /**
     * {@code channel} must be a plain lower-case SQL identifier; {@code received} gets each
     * payload, {@code reset} drops everything the cache holds.
     */
    public NotificationFeed(Pool pool, String channel, Consumer<String> received, Runnable reset) {
        super("LISTEN " + channel, reset);
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.pool = pool;
        this.channel = channel;
        this.received = received;
    }

    @Override
    protected Uni<SqlConnection> open(long attempt) {
        return pool.getConnection().chain(c -> {
            AtomicBoolean ended = new AtomicBoolean();
            PgConnection pg = PgConnection.cast(c);
            pg.notificationHandler(n -> {
                if (channel.equals(n.getChannel())) {
                    received.accept(n.getPayload());
                }
            });
            AtomicReference<Cancellable> probes = new AtomicReference<>();
            Runnable dead = () -> {
                Cancellable running = probes.get();
                if (running != null) {
                    running.cancel();
                }
                if (ended.compareAndSet(false, true)) {
                    lost(attempt);
                }
            };
            pg.closeHandler(dead::run);
            return c.query("LISTEN " + channel).execute().replaceWith(c)
                    .invoke(() -> probes.set(probe(c, "LISTEN " + channel, dead)))
                    .onFailure().call(e -> {
                        ended.set(true);
                        return c.close().onFailure().recoverWithNull();
                    });
        });
    }

    // the probe repeats the LISTEN, a no-op for PostgreSQL, so the session keeps saying what it is for
    private static Cancellable probe(SqlConnection c, String listen, Runnable dead) {
        return Multi.createFrom().ticks().startingAfter(PROBE_EVERY).every(PROBE_EVERY)
                .onItem().transformToUniAndConcatenate(tick -> c.query(listen).execute()
                        .ifNoItem().after(PROBE_WAIT).fail()
                        .replaceWith(true)
                        .onFailure().recoverWithItem(false))
                .subscribe().with(alive -> {
                    if (!alive) {
                        dead.run();
                        c.close().subscribe().with(ok -> { }, e -> { });
                    }
                }, e -> { });
    }

    // the connection goes back to the pool, so it stops listening first
    @Override
    protected void close(SqlConnection c) {
        c.query("UNLISTEN *").execute().onFailure().recoverWithNull().chain(c::close).subscribe().with(ok -> { }, e -> { });
    }
}
