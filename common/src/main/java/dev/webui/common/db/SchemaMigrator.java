package dev.webui.common.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Brings the schema up to date when a service starts, after the configuration checks. Flyway's
 * lock in PostgreSQL makes it safe for every service and replica to do this at once: one applies,
 * the others wait and find nothing left to do. A database that is still starting is waited for
 * (DATABASE_STARTUP_WAIT seconds); one that stays unreachable stops the service with one line.
 * Flyway's JDBC connections are closed once it is done: nothing uses them until the next start.
 */
@ApplicationScoped
public class SchemaMigrator {
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final Instance<Flyway> flyway;
    private final Instance<AgroalDataSource> connections;
    private final Duration startupWait;

    SchemaMigrator(@FlywayDataSource("migrations") Instance<Flyway> flyway, @DataSource("migrations") Instance<AgroalDataSource> connections,
                   @ConfigProperty(name = "DATABASE_STARTUP_WAIT", defaultValue = "60") int startupWaitSeconds) {
        this.flyway = flyway;
        this.connections = connections;
        this.startupWait = Duration.ofSeconds(startupWaitSeconds);
    }

    void migrate(@Observes @Priority(2) StartupEvent event) throws InterruptedException {
        Instant deadline = Instant.now().plus(startupWait);
        long started = System.nanoTime();
        while (true) {
            try {
                report(flyway.get().migrate(), (System.nanoTime() - started) / 1_000_000);
                connections.get().flush(AgroalDataSource.FlushMode.IDLE);
                return;
            } catch (FlywayException e) {
                String reason = rootMessage(e);
                if (!isConnectionProblem(e) || Instant.now().isAfter(deadline)) {
                    throw new MigrationFailedException("Database schema migration failed: " + reason
                            + " (check DATABASE_URL and that PostgreSQL is running and reachable)");
                }
                LOG.warnf("Waiting for PostgreSQL: %s", reason);
                Thread.sleep(2000);
            }
        }
    }

    private void report(MigrateResult result, long millis) {
        if (result.migrationsExecuted == 0) {
            LOG.infof("Database schema is up to date (version %s, checked in %d ms)",
                    flyway.get().info().current().getVersion(), millis);
        } else {
            LOG.infof("Database schema migrated from version %s to %s: %d migration(s) in %d ms",
                    result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion, result.targetSchemaVersion,
                    result.migrationsExecuted, millis);
        }
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "57P03".equals(sql.getSQLState())) { // the database system is starting up
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }

    /** Stops start-up with a single line (Quarkus prints a ConfigurationException's message alone). */
    static class MigrationFailedException extends ConfigurationException {
        MigrationFailedException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
