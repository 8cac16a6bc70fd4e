package dev.webui.common.db;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.ConnectException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tells the database failures a caller can do something about from bugs: PostgreSQL unreachable
 * or going away (refused or lost connections, shutdown, no free connection slot), and text it
 * refuses to store (the NUL character).
 */
@ApplicationScoped
public class DatabaseFailures {
    public static final String UNAVAILABLE = "The database is unavailable right now; try again in a moment";
    public static final String NUL_REFUSED = "Text may not contain the NUL character (\\u0000)";

    private final String portSuffix;

    public DatabaseFailures(@ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url) {
        this.portSuffix = url.map(u -> ":" + PgConnectOptions.fromUri(u).getPort()).orElse(null);
    }

    public boolean unavailable(Throwable failure) {
        return anyCause(failure, t -> t instanceof ClosedConnectionException
                || t instanceof PgException pg && pg.getSqlState() != null && unavailableState(pg.getSqlState())
                // a refused connection to the database's port, not to an LLM provider or a tool server
                || t instanceof ConnectException && portSuffix != null && t.getMessage() != null && t.getMessage().endsWith(portSuffix));
    }

    /** PostgreSQL's text and jsonb refuse NUL: 22021 (invalid byte sequence 0x00), 22P05 (\u0000 in jsonb). */
    public boolean nulRefused(Throwable failure) {
        return anyCause(failure, t -> t instanceof PgException pg && ("22021".equals(pg.getSqlState()) || "22P05".equals(pg.getSqlState())));
    }

    /** Connection exceptions (08), the server shutting down or restarting (57P0x), too many connections (53300). */
    private static boolean unavailableState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P0") || sqlState.equals("53300");
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
