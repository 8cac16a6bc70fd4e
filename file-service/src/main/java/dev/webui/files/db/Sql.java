package dev.webui.files.db;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Blocking access to the reactive pool for code that already runs on a worker thread (uploads,
 * extraction, embeddings): the file-service is I/O- and CPU-bound outside the database anyway.
 */
@ApplicationScoped
public class Sql {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;

    public Sql(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    public <T> List<T> list(String sql, Tuple args, Function<Row, T> mapper) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }

    public <T> Optional<T> one(String sql, Tuple args, Function<Row, T> mapper) {
        List<T> rows = list(sql, args, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT).rowCount();
    }

    /** Runs work in one transaction; the connection passed in must be used for every statement. */
    public <T> T inTransaction(Function<SqlConnection, io.smallrye.mutiny.Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(TIMEOUT);
    }
}
