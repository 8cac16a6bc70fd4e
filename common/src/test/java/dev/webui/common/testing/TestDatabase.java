package dev.webui.common.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database on the machine's server. TEST_POSTGRES_HOST, TEST_POSTGRES_PORT
 * and TEST_POSTGRES_USER point elsewhere (defaults: 127.0.0.1, 5432, postgres with trust auth).
 */
public record TestDatabase(String name) {
    static final String HOST = env("TEST_POSTGRES_HOST", "127.0.0.1");
    static final String PORT = env("TEST_POSTGRES_PORT", "5432");
    static final String USER = env("TEST_POSTGRES_USER", "postgres");

    public static TestDatabase create() {
        TestDatabase db = new TestDatabase("webui_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        db.admin("CREATE DATABASE " + db.name);
        return db;
    }

    /** DATABASE_URL in Open WebUI's form. */
    public String url() {
        return "postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + name;
    }

    /** DATABASE_URL through a relay that a test can cut. */
    public String urlVia(TcpRelay relay) {
        return "postgresql://" + USER + "@127.0.0.1:" + relay.port() + "/" + name;
    }

    /** A relay to the machine's PostgreSQL server. */
    public static TcpRelay relayToServer() throws java.io.IOException {
        return new TcpRelay(HOST, Integer.parseInt(PORT));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, null);
    }

    /** Connections to this database opened by PostgreSQL's JDBC driver (a service's Flyway), other than the caller's. */
    public int jdbcConnections() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name
                     + "' AND application_name = 'PostgreSQL JDBC Driver'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the connections to " + name + " failed: " + e.getMessage(), e);
        }
    }

    public void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database step failed (" + sql + "): " + e.getMessage()
                    + " — is PostgreSQL running on " + HOST + ":" + PORT + "?", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
