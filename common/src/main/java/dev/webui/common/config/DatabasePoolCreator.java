package dev.webui.common.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Applies DATABASE_POOL_TIMEOUT to the reactive pool, which Quarkus has no property for. */
@ApplicationScoped
public class DatabasePoolCreator implements PgPoolCreator {
    private final Optional<String> poolTimeout;

    DatabasePoolCreator(@ConfigProperty(name = "DATABASE_POOL_TIMEOUT") Optional<String> poolTimeout) {
        this.poolTimeout = poolTimeout;
    }

    @Override
    public Pool create(Input input) {
        int timeout = DatabasePool.fromEnvironment(name -> name.equals("DATABASE_POOL_TIMEOUT") ? poolTimeout.orElse(null) : null)
                .timeoutSeconds();
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout(timeout)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS);
        return PgBuilder.pool().with(options).connectingTo(new java.util.ArrayList<io.vertx.sqlclient.SqlConnectOptions>(input.pgConnectOptionsList())).using(input.vertx()).build();
    }
}
