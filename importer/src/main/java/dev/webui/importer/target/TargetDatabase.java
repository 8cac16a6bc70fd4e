package dev.webui.importer.target;

import dev.webui.core.db.DatabaseConnection;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The suite's PostgreSQL database, with its schema brought up to date by common's Flyway scripts. */
public final class TargetDatabase {
    private final DatabaseConnection connection;

    public TargetDatabase(DatabaseConnection connection) {
        this.connection = connection;
    }

    /** Applies db/migration (a no-op when the services already did); returns the schema version. */
    public String migrate() {
        var result = flyway().migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** Whether the schema is at this build's version (a dry run compares only then, since it writes no schema). */
    public boolean schemaCurrent() {
        var info = flyway().info();
        return info.current() != null && info.pending().length == 0;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(connection.jdbcUrl(), connection.user(), connection.password())
                .locations("classpath:db/migration")
                .load();
    }

    public Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(connection.jdbcUrl(), connection.user(), connection.password());
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
