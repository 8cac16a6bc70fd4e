package dev.webui.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's PostgreSQL as administrator (TEST_POSTGRES_HOST/PORT/USER, default 127.0.0.1:5432 postgres, trust). */
final class PgAdmin {
    static final String HOST = env("TEST_POSTGRES_HOST", "127.0.0.1");
    static final String PORT = env("TEST_POSTGRES_PORT", "5432");
    static final String USER = env("TEST_POSTGRES_USER", "postgres");

    private PgAdmin() {
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Removes a database and the role of the same name that docker-manage.sh setup created. */
    static void dropDatabaseAndRole(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("DROP ROLE IF EXISTS " + name);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, null);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
